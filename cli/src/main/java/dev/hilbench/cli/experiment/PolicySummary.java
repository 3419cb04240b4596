package dev.hilbench.cli.experiment;

import dev.hilbench.simulator.policy.PolicyKind;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * One row of the experiment's table: what a policy's run comes to.
 *
 * @param back50Millis     ms after the port reopened by which half of all nodes were back (empty: never)
 * @param back95Millis     the same for 95 %
 * @param back100Millis    the same for every node
 * @param peakAcceptRate   the most connections the receiver accepted per second, over one sampling interval
 * @param attemptsPerNode  connection attempts per node from the moment the receiver went down (refused ones included)
 * @param lostPerNode      readings lost per node, mean, as the ledger reconciles them
 * @param maxLostPerNode   the most readings one node lost
 * @param lostInTransit    readings written but not stored, whole fleet
 * @param allowedInTransit how many of those the timing tolerance allows (one per abrupt connection end)
 */
public record PolicySummary(PolicyKind policy, int nodes, Duration outage, Duration timeout, OptionalLong back50Millis,
    OptionalLong back95Millis, OptionalLong back100Millis, double peakAcceptRate, double attemptsPerNode,
    double lostPerNode, long maxLostPerNode, long lostInTransit, long allowedInTransit, boolean reconciled,
    boolean ok) {

  public static PolicySummary of(PolicyResult r) {
    BackTimes back = BackTimes.of(r);
    int n = r.nodes().size();
    double peak = r.seconds().stream().mapToDouble(SecondSample::acceptRate).max().orElse(0);
    long lost = r.nodes().stream().mapToLong(NodeOutcome::lost).sum();
    long maxLost = r.nodes().stream().mapToLong(NodeOutcome::lost).max().orElse(0);
    long transit = r.nodes().stream().mapToLong(NodeOutcome::lostInTransit).sum();
    long allowed = r.nodes().stream().mapToLong(NodeOutcome::allowedInTransit).sum();
    return new PolicySummary(r.policy(), n, r.outage(), r.timeout(), back.percentile(50), back.percentile(95),
        back.percentile(100), peak, (double) r.attempts() / n, (double) lost / n, maxLost, transit, allowed,
        r.reconciled(), r.ok());
  }
}
