package dev.hilbench.cli.experiment;

import dev.hilbench.simulator.policy.PolicyKind;
import java.time.Duration;
import java.util.List;

/** Hand-made results for the tests of the pure parts. */
final class ExperimentResults {

  private ExperimentResults() {}

  static NodeOutcome node(String device, long backMillis, long lost, long inTransit) {
    return new NodeOutcome(device, backMillis, backMillis < 0 ? 0 : 1, backMillis < 0 ? 0 : 3, lost, inTransit, 1);
  }

  /**
   * Four nodes back at 0.2, 0.4, 0.4 and 1.5 s after a 5 s outage; three full seconds and a last
   * half second in which 30 connections were accepted.
   */
  static PolicyResult fixed() {
    return new PolicyResult(PolicyKind.FIXED,
        List.of(node("node-0001", 200, 5, 0), node("node-0002", 400, 5, 1), node("node-0003", 400, 6, 0),
            node("node-0004", 1500, 8, 0)),
        List.of(new SecondSample(-4, 1, 0, 4, 4, 0, 0), new SecondSample(-3, 1, 0, 4, 4, 0, 0),
            new SecondSample(1, 1, 3, 4, 1, 3, 3), new SecondSample(1.5, 0.5, 30, 31, 0, 4, 4)),
        Duration.ofSeconds(5), Duration.ofSeconds(60), 28, true, List.of());
  }

  /** Two nodes, one never back; the reconciliation failed. */
  static PolicyResult unfinished() {
    return new PolicyResult(PolicyKind.FULL_JITTER, List.of(node("node-0001", 1800, 3, 0), node("node-0002", -1, 9, 2)),
        List.of(new SecondSample(1, 1, 1, 2, 1, 1, 1)), Duration.ofSeconds(5), Duration.ofSeconds(60), 7, false,
        List.of("1 of 2 nodes not back within 1m of the port reopening (node-0002)"));
  }
}
