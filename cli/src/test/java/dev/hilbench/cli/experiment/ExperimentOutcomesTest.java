package dev.hilbench.cli.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.simulator.ledger.Ledger;
import dev.hilbench.simulator.ledger.LedgerRecord;
import dev.hilbench.simulator.policy.PolicyKind;
import dev.hilbench.simulator.reconcile.Reconciler;
import dev.hilbench.simulator.reconcile.Reconciliation;
import dev.hilbench.simulator.reconcile.StoredKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A run's result put together from the store's facts, the reconciliation and the samples. */
class ExperimentOutcomesTest {

  private static final long S = 1_000_000_000L;
  private static final long REOPEN_EPOCH = 1_700_000_010_000L;
  /** Down at 0 s, start called at 10.0 s, returned at 10.02 s; samples at 0, 1 and 12 s. */
  private static final Timeline TIME = new Timeline(0, 10 * S + 20_000_000, REOPEN_EPOCH - 20, REOPEN_EPOCH,
      List.of(new Counters(0, 1, 50, 100, 0, 3, 0), new Counters(S, 0, 0, 103, 3, 0, 0),
          new Counters(12 * S, 2, 3, 109, 6, 3, 2)), false);

  /** Three classroom nodes: five readings sent, two lost offline while the receiver was down, one stored of the rest. */
  private static Reconciliation reconciliation(boolean lostOneTooMany) {
    Ledger ledger = new Ledger(7, "r1", List.of(
        new LedgerRecord("node-0001", "r1.0", "node", "SSooS", 1, 0),
        new LedgerRecord("node-0002", "r1.0", "node", "SSooS", 1, 0),
        new LedgerRecord("node-0003", "r1.0", "node", "SSooS", 1, 0)));
    List<StoredKey> stored = new ArrayList<>();
    for (String d : List.of("node-0001", "node-0002", "node-0003")) {
      for (int seq : new int[] {0, 1, 4}) {
        boolean lostInTransit = seq == 1 && !d.equals("node-0001"); // written as the receiver stopped
        boolean lostBeyondTolerance = lostOneTooMany && d.equals("node-0003") && seq == 0;
        if (!lostInTransit && !lostBeyondTolerance) {
          stored.add(new StoredKey(d, "r1.0", seq));
        }
      }
    }
    return Reconciler.reconcile(ledger, stored);
  }

  private static StoreFacts facts() {
    return new StoreFacts(Map.of(
        "node-0001", new StoreFacts.Device(REOPEN_EPOCH + 1_250, 1, 1),
        "node-0002", new StoreFacts.Device(REOPEN_EPOCH - 3, 2, 1))); // identified while the start returned
  }

  @Test
  void eachNodeGetsItsBackTimeConnectionsAndLosses() {
    PolicyResult r = Outcomes.collect(PolicyKind.EXPONENTIAL, Duration.ofSeconds(60),
        List.of("node-0001", "node-0002", "node-0003"), TIME, reconciliation(false), facts(), List.of());
    assertEquals(List.of(
        new NodeOutcome("node-0001", 1_250, 1, 1, 2, 0, 1),
        new NodeOutcome("node-0002", 0, 2, 1, 3, 1, 1),
        new NodeOutcome("node-0003", -1, 0, 0, 3, 1, 1)), r.nodes());
    assertTrue(r.reconciled(), "one reading lost in transit per abrupt end is within the tolerance");
    assertEquals(List.of("1 of 3 nodes not back within 1m of the port reopening (node-0003)"), r.problems());
    assertFalse(r.completed());
    assertEquals(9, r.attempts(), "from the baseline to the last sample");
    assertEquals(Duration.ofMillis(10_020), r.outage());
    assertEquals(2, r.seconds().size());
    assertEquals(-9.02, r.seconds().get(0).endSeconds(), 1e-9);
  }

  @Test
  void aFailedReconciliationAndFleetErrorsAreProblems() {
    PolicyResult r = Outcomes.collect(PolicyKind.FIXED, Duration.ofSeconds(60), List.of("node-0001", "node-0002"),
        TIME, reconciliation(true), facts(), List.of(new IllegalStateException("boom")));
    assertFalse(r.reconciled());
    assertTrue(r.problems().stream().anyMatch(p -> p.startsWith("reconciliation: node-0003: 2 sent but not stored")),
        r.problems().toString());
    assertTrue(r.problems().contains("1 errors in the fleet's event loops, the first: java.lang.IllegalStateException: boom"),
        r.problems().toString());
    assertTrue(r.completed(), "both listed nodes came back");
    assertFalse(r.ok());
  }

  @Test
  void aNodeBackOnlyAfterTheTimeoutIsNotBack() {
    PolicyResult r = Outcomes.collect(PolicyKind.FIXED, Duration.ofSeconds(1), List.of("node-0001", "node-0002"),
        TIME, reconciliation(false), facts(), List.of());
    assertEquals(-1, r.nodes().get(0).backMillis(), "back 1.25 s after the reopening, the timeout was 1 s");
    assertEquals(0, r.nodes().get(1).backMillis());
    assertEquals(List.of("1 of 2 nodes not back within 1s of the port reopening (node-0001)"), r.problems());
  }

  @Test
  void everyNodeBackButNotDeliveringInTimeIsAProblem() {
    PolicyResult r = Outcomes.collect(PolicyKind.FIXED, Duration.ofSeconds(60), List.of("node-0001", "node-0002"),
        TIME, reconciliation(false), facts(), List.of());
    assertTrue(r.completed());
    assertEquals(List.of("every node was back, but not every one delivered its readings within 1m"), r.problems());
    Timeline recovered = new Timeline(TIME.downNanos(), TIME.reopenNanos(), TIME.startingEpochMillis(),
        TIME.reopenEpochMillis(), TIME.samples(), true);
    assertTrue(Outcomes.collect(PolicyKind.FIXED, Duration.ofSeconds(60), List.of("node-0001", "node-0002"),
        recovered, reconciliation(false), facts(), List.of()).ok());
  }

  @Test
  void manyNodesNotBackAreNamedFiveAtATime() {
    List<String> ids = List.of("a", "b", "c", "d", "e", "f", "g");
    PolicyResult r = Outcomes.collect(PolicyKind.FIXED, Duration.ofSeconds(30), ids, TIME,
        Reconciler.reconcile(new Ledger(1, "r1", List.of()), List.of()), new StoreFacts(Map.of()), List.of());
    assertEquals("7 of 7 nodes not back within 30s of the port reopening (a, b, c, d, e and 2 more)", r.problems().get(0));
  }
}
