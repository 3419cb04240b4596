package dev.hilbench.cli.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.simulator.policy.PolicyKind;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** A policy's result summed up, and the table the summaries make. */
class ExperimentSummaryTest {

  @Test
  void aCompletedRunIsSummedUp() {
    PolicyResult r = ExperimentResults.fixed();
    assertTrue(r.completed() && r.ok());
    PolicySummary s = PolicySummary.of(r);
    assertEquals(OptionalLong.of(400), s.back50Millis(), "the 2nd of 4 nodes");
    assertEquals(OptionalLong.of(1500), s.back95Millis(), "the 4th of 4 (ceil of 3.8)");
    assertEquals(OptionalLong.of(1500), s.back100Millis());
    assertEquals(30.0, s.peakAcceptRate(), 1e-9, "30 accepts in the last half second count as 30 in a second, not 60/s");
    assertEquals(7.0, s.attemptsPerNode(), 1e-9);
    assertEquals(6.0, s.lostPerNode(), 1e-9);
    assertEquals(8, s.maxLostPerNode());
    assertEquals(1, s.lostInTransit());
    assertEquals(4, s.allowedInTransit());
    assertTrue(s.reconciled() && s.ok());
  }

  @Test
  void anUnfinishedRunHasNoPercentilesItDidNotReach() {
    PolicyResult r = ExperimentResults.unfinished();
    assertFalse(r.completed());
    assertFalse(r.ok());
    PolicySummary s = PolicySummary.of(r);
    assertEquals(OptionalLong.of(1800), s.back50Millis());
    assertEquals(OptionalLong.empty(), s.back95Millis());
    assertEquals(OptionalLong.empty(), s.back100Millis());
    assertFalse(s.reconciled());
  }

  @Test
  void theTableHasARowPerPolicyWithAlignedColumns() {
    String table = SummaryTable.render(List.of(PolicySummary.of(ExperimentResults.fixed()),
        PolicySummary.of(ExperimentResults.unfinished())));
    List<String> lines = table.lines().toList();
    assertEquals(4, lines.size(), table);
    assertEquals(SummaryTable.HEADER, cells(lines.get(0)));
    assertTrue(lines.stream().allMatch(l -> l.length() == lines.get(0).length()), "every row as wide as the header\n" + table);
    assertEquals(List.of("fixed", "0.40 s", "1.50 s", "1.50 s", "30/s", "7.0", "6.0 (8)", "1 / 4", "ok"), cells(lines.get(2)));
    assertEquals(List.of("full-jitter", "1.80 s", "not within 1m", "not within 1m", "1/s", "3.5", "6.0 (9)", "2 / 2",
        "FAILED"), cells(lines.get(3)));
    assertTrue(lines.get(1).matches("\\| -+ \\|( -+: \\|)+"), "figures right-aligned: " + lines.get(1));
  }

  @Test
  void secondsAreShownWithTwoDecimalsBelowTenAndOneAbove() {
    assertEquals("0.01 s", SummaryTable.seconds(OptionalLong.of(5), "never"));
    assertEquals("9.99 s", SummaryTable.seconds(OptionalLong.of(9_990), "never"));
    assertEquals("12.3 s", SummaryTable.seconds(OptionalLong.of(12_340), "never"));
    assertEquals("never", SummaryTable.seconds(OptionalLong.empty(), "never"));
  }

  @Test
  void aResultNeedsNodesAndABackTimeIsNeverBelowMinusOne() {
    assertThrows(IllegalArgumentException.class, () -> new PolicyResult(PolicyKind.FIXED, List.of(), List.of(),
        Duration.ZERO, Duration.ofSeconds(1), 0, true, List.of()));
    assertThrows(IllegalArgumentException.class, () -> new NodeOutcome("n", -2, 0, 0, 0, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new SecondSample(1, 0, 0, 0, 0, 0, 0));
  }

  @Test
  void aProblemMakesARunFailEvenIfEveryNodeCameBack() {
    PolicyResult r = ExperimentResults.fixed();
    PolicyResult withProblem = new PolicyResult(r.policy(), r.nodes(), r.seconds(), r.outage(), r.timeout(), r.attempts(),
        true, List.of("2 errors in the fleet's event loops"));
    assertTrue(withProblem.completed());
    assertFalse(withProblem.ok());
  }

  private static List<String> cells(String line) {
    return java.util.Arrays.stream(line.substring(1, line.length() - 1).split("\\|")).map(String::trim).toList();
  }
}
