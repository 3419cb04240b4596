package dev.hilbench.features.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.features.truth.BootHistory;
import dev.hilbench.features.truth.Fate;
import dev.hilbench.features.truth.GroundTruth;
import dev.hilbench.features.truth.Values;
import dev.hilbench.server.store.StoredReading;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ReconciliationTest {

  private static BootHistory boot(String device, String boot, int abruptEnds, Fate... fates) {
    TreeMap<Long, Fate> m = new TreeMap<>();
    for (int i = 0; i < fates.length; i++) {
      m.put((long) i, fates[i]);
    }
    return new BootHistory(device, boot, "1", m, Map.of(), abruptEnds);
  }

  private static StoredReading stored(String device, String boot, long seq) {
    return new StoredReading(device, boot, seq, seq * 100, 20.0, 40.0, 0, "127.0.0.1:1");
  }

  @Test
  void everyWrittenReadingStoredOnceIsExact() {
    GroundTruth truth = new GroundTruth(List.of(boot("a", "b1", 0, Fate.SENT, Fate.notSent("drop"), Fate.ACKED,
        Fate.UNACKED, Fate.PENDING)));
    Reconciliation r = Reconciliation.of(truth, List.of(stored("a", "b1", 0), stored("a", "b1", 2)));
    assertTrue(r.exact(), r::toString);
    DeviceTally t = r.tally("a");
    assertEquals(5, t.generated());
    assertEquals(3, t.written());
    assertEquals(2, t.stored());
  }

  @Test
  void eachKindOfMismatchIsCountedAndNamed() {
    GroundTruth truth = new GroundTruth(List.of(boot("a", "b1", 1, Fate.SENT, Fate.ACKED, Fate.notSent("corrupt"),
        Fate.SENT)));
    List<StoredReading> store = List.of(stored("a", "b1", 2), stored("a", "b1", 3), stored("a", "b1", 3));
    Reconciliation r = Reconciliation.of(truth, store);
    DeviceTally t = r.tally("a");
    assertEquals(1, t.lostInTransit());
    assertEquals(1, t.mustMissing());
    assertEquals(1, t.unexpected());
    assertEquals(1, t.duplicates());
    assertFalse(r.exact());
    assertFalse(r.exactBut(1), "an acked reading missing is never allowed");
    assertEquals(List.of(
        "a boot b1 seq 0 (sent): written, but not in the store",
        "a boot b1 seq 1 (acked): acknowledged, but not in the store",
        "a boot b1 seq 2 (corrupt): never left the device intact, yet stored",
        "a boot b1 seq 3 (sent): stored 2 times"), r.problems());
  }

  @Test
  void transitLossWithinTheAllowanceIsExactBut() {
    GroundTruth truth = new GroundTruth(List.of(boot("a", "b1", 1, Fate.SENT, Fate.SENT)));
    Reconciliation r = Reconciliation.of(truth, List.of(stored("a", "b1", 1)));
    assertFalse(r.exact());
    assertTrue(r.exactBut(1));
    assertEquals(1, r.lostInTransit());
  }

  @Test
  void storedReadingsNewerThanTheRecordOrOfOtherDevicesAreNotItsBusiness() {
    GroundTruth truth = new GroundTruth(List.of(boot("a", "b1", 0, Fate.SENT)));
    List<StoredReading> store = List.of(stored("a", "b1", 0), stored("a", "b1", 1), stored("a", "b2", 0),
        stored("127.0.3.1", "ip-1", 0));
    assertTrue(Reconciliation.of(truth, store).exact());
  }

  @Test
  void loggedValuesMustMatchTheStoredOnes() {
    TreeMap<Long, Fate> fates = new TreeMap<>(Map.of(0L, Fate.SENT, 1L, Fate.SENT));
    BootHistory b = new BootHistory("a", "b1", "1", fates, Map.of(0L, new Values(0, 20.0, 40.0),
        1L, new Values(100, 21.0, 40.0)), 0);
    Reconciliation r = Reconciliation.of(new GroundTruth(List.of(b)), List.of(stored("a", "b1", 0), stored("a", "b1", 1)));
    assertEquals(1, r.tally("a").mismatched());
    assertTrue(r.problems().get(0).startsWith("a boot b1 seq 1 (sent): logged Values[millis=100, temperature=21.0"),
        r.problems().get(0));
  }

  @Test
  void problemsInWordsAreBoundedButCountsAreNot() {
    List<Fate> fates = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      fates.add(Fate.ACKED);
    }
    GroundTruth truth = new GroundTruth(List.of(boot("a", "b1", 0, fates.toArray(Fate[]::new))));
    Reconciliation r = Reconciliation.of(truth, List.of());
    assertEquals(100, r.tally("a").mustMissing());
    assertEquals(Reconciliation.MAX_PROBLEMS, r.problems().size());
  }
}
