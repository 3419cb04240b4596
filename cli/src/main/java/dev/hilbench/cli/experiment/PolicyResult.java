package dev.hilbench.cli.experiment;

import dev.hilbench.simulator.policy.PolicyKind;
import java.time.Duration;
import java.util.List;

/**
 * Everything measured in one policy's run: the raw data the table, the CSV and the charts are
 * made from.
 *
 * @param policy      the reconnect policy every node used
 * @param nodes       per node, in fleet order
 * @param seconds     per sampling interval, from the moment the receiver went down
 * @param outage      from the moment the receiver began to stop to the moment it listened again
 * @param timeout     how long after the port reopened the run waited for every node
 * @param attempts    connection attempts of the whole fleet from the moment the receiver went down
 *                    to the end of the run
 * @param reconciled  whether the ledger and the store agreed, within the timing tolerance
 * @param problems    what went wrong, in words (empty when the run completed and reconciled)
 */
public record PolicyResult(PolicyKind policy, List<NodeOutcome> nodes, List<SecondSample> seconds, Duration outage,
    Duration timeout, long attempts, boolean reconciled, List<String> problems) {

  public PolicyResult {
    nodes = List.copyOf(nodes);
    seconds = List.copyOf(seconds);
    problems = List.copyOf(problems);
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException(policy + ": a run has at least one node");
    }
  }

  /** Every node came back within the timeout. */
  public boolean completed() {
    return nodes.stream().allMatch(NodeOutcome::back);
  }

  /** Completed, reconciled, and nothing else went wrong. */
  public boolean ok() {
    return completed() && reconciled && problems.isEmpty();
  }
}
