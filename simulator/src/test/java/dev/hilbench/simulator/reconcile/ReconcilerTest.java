package dev.hilbench.simulator.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.simulator.ledger.Fate;
import dev.hilbench.simulator.ledger.Ledger;
import dev.hilbench.simulator.ledger.LedgerRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reconciliation rules on hand-made ledgers and stores. */
class ReconcilerTest {

  private static Ledger ledger(LedgerRecord... records) {
    return new Ledger(42, "r1", List.of(records));
  }

  private static List<StoredKey> stored(String device, String boot, int... seqs) {
    List<StoredKey> out = new ArrayList<>();
    for (int s : seqs) {
      out.add(new StoredKey(device, boot, s));
    }
    return out;
  }

  @Test
  void everythingSentAndStoredIsExact() {
    Reconciliation r = Reconciler.reconcile(ledger(new LedgerRecord("a", "r1.0", "g", "SSSS", 0, 0)),
        stored("a", "r1.0", 0, 1, 2, 3));
    assertTrue(r.ok(), r.problems().toString());
    DeviceTally t = r.total();
    assertEquals(4, t.generated());
    assertEquals(4, t.sent());
    assertEquals(4, t.stored());
    assertEquals(0, t.lostInTransit());
    assertEquals(0, t.duplicated());
  }

  @Test
  void lossesBeforeTheWireAreCountedByPlace() {
    Reconciliation r = Reconciler.reconcile(ledger(new LedgerRecord("a", "r1.0", "g", "SfdmoS", 0, 0)),
        stored("a", "r1.0", 0, 5));
    assertTrue(r.ok(), r.problems().toString());
    DeviceTally t = r.devices().get(0);
    assertEquals(1, t.losses().get(Fate.SENSOR_FAIL));
    assertEquals(1, t.losses().get(Fate.DROPPED));
    assertEquals(1, t.losses().get(Fate.MANGLED));
    assertEquals(1, t.losses().get(Fate.OFFLINE));
    assertEquals(3, t.sent(), "two clean and one mangled line were written");
    assertEquals(t.generated(), t.stored() + t.lostInTransit() + t.lostByPlace());
  }

  @Test
  void anAcknowledgedReadingMissingFromTheStoreFails() {
    Reconciliation r = Reconciler.reconcile(ledger(new LedgerRecord("a", "r1.0", "g", "AAA", 5, 0)),
        stored("a", "r1.0", 0, 2));
    assertFalse(r.ok());
    assertTrue(r.problems().get(0).contains("acknowledged but not stored: r1.0#1"), r.problems().toString());
  }

  @Test
  void aStoredReadingThatNeverLeftTheNodeFails() {
    Reconciliation r = Reconciler.reconcile(ledger(new LedgerRecord("a", "r1.0", "g", "Sd", 0, 0)),
        stored("a", "r1.0", 0, 1));
    assertFalse(r.ok());
    assertTrue(r.problems().get(0).contains("r1.0#1 (drop)"), r.problems().toString());
  }

  @Test
  void duplicatesAndUnknownSeqsAndBootsOfThisRunFail() {
    List<StoredKey> store = new ArrayList<>(stored("a", "r1.0", 0, 0, 1, 7));
    store.addAll(stored("a", "r1.9", 0));
    Reconciliation r = Reconciler.reconcile(ledger(new LedgerRecord("a", "r1.0", "g", "SS", 0, 0)), store);
    assertFalse(r.ok());
    assertEquals(1, r.total().duplicated());
    String all = r.problems().toString();
    assertTrue(all.contains("duplicate rows"), all);
    assertTrue(all.contains("never generated: boot r1.0 seq 7, boot r1.9 seq 0"), all);
  }

  @Test
  void earlierRunsAndOtherDevicesAreLeftOut() {
    List<StoredKey> store = new ArrayList<>(stored("a", "r1.0", 0));
    store.addAll(stored("a", "r0.0", 0, 1, 2));
    store.addAll(stored("zzz", "x", 0));
    Reconciliation r = Reconciler.reconcile(ledger(new LedgerRecord("a", "r1.0", "g", "S", 0, 0)), store);
    assertTrue(r.ok(), r.problems().toString());
    assertEquals(3, r.foreignRows());
  }

  @Test
  void sentButMissingIsAllowedOncePerAbruptEnd() {
    LedgerRecord oneReset = new LedgerRecord("a", "r1.0", "g", "SSSS", 1, 0);
    assertTrue(Reconciler.reconcile(ledger(oneReset), stored("a", "r1.0", 0, 1, 3)).ok());
    Reconciliation twoMissing = Reconciler.reconcile(ledger(oneReset), stored("a", "r1.0", 0, 3));
    assertFalse(twoMissing.ok());
    assertTrue(twoMissing.problems().get(0).contains("2 sent but not stored, more than the 1"), twoMissing.problems().toString());
    LedgerRecord clean = new LedgerRecord("a", "r1.0", "g", "SS", 0, 0);
    assertFalse(Reconciler.reconcile(ledger(clean), stored("a", "r1.0", 0)).ok(), "no abrupt end: no loss allowed");
  }

  @Test
  void unacknowledgedMayOrMayNotBeStored() {
    LedgerRecord r = new LedgerRecord("a", "r1.0", "g", "AUU", 0, 2);
    Reconciliation rec = Reconciler.reconcile(ledger(r), stored("a", "r1.0", 0, 1));
    assertTrue(rec.ok(), rec.problems().toString());
    assertEquals(1, rec.total().lostInTransit());
    assertEquals(2, rec.total().resent());
  }

  @Test
  void theTableShowsDevicesTotalAndChecks() {
    Reconciliation r = Reconciler.reconcile(ledger(new LedgerRecord("sim-0001", "r1.0", "g", "SSfo", 0, 0),
        new LedgerRecord("sim-0002", "r1.0", "g", "SS", 0, 0)), stored("sim-0001", "r1.0", 0, 1));
    String table = ReconciliationTable.render(r, 50);
    assertTrue(table.contains("sim-0001") && table.contains("sensor_fail 1, offline 1"), table);
    assertTrue(table.contains("total (2 devices)"), table);
    assertTrue(table.contains("FAIL  losses in transit: 2"), table);
    assertTrue(table.contains("seed 42"), table);
  }

  @Test
  void bigFleetsShowOnlyTheDevicesWorthLookingAt() {
    List<LedgerRecord> recs = new ArrayList<>();
    List<StoredKey> store = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      recs.add(new LedgerRecord("d" + i, "r1.0", "g", "S", i == 50 ? 1 : 0, 0));
      if (i != 50) {
        store.add(new StoredKey("d" + i, "r1.0", 0));
      }
    }
    String table = ReconciliationTable.render(Reconciler.reconcile(new Ledger(1, "r1", recs), store), 10);
    assertTrue(table.contains("d50 "), table);
    assertFalse(table.contains("d49 "), table);
    assertTrue(table.contains("99 more devices"), table);
  }
}
