package dev.hilbench.features.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hilbench.features.truth.BootHistory;
import dev.hilbench.features.truth.Fate;
import dev.hilbench.features.truth.GroundTruth;
import dev.hilbench.server.store.StoredReading;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LossTest {

  private static StoredReading stored(String device, String boot, long seq) {
    return new StoredReading(device, boot, seq, seq, 20.0, 40.0, 0, "p");
  }

  private static BootHistory boot(String device, String boot, Fate... fates) {
    TreeMap<Long, Fate> m = new TreeMap<>();
    for (int i = 0; i < fates.length; i++) {
      m.put((long) i, fates[i]);
    }
    return new BootHistory(device, boot, "1", m, Map.of(), 0);
  }

  @Test
  void aRestartsLossIsOneStretchUpToTheLastWrittenReading() {
    Fate o = Fate.notSent("not_connected");
    GroundTruth truth = new GroundTruth(List.of(boot("a", "b1", Fate.SENT, Fate.SENT, Fate.SENT, o, o, o, Fate.SENT,
        Fate.SENT, Fate.PENDING)));
    List<StoredReading> store = LongStream.of(0, 1, 6, 7).mapToObj(s -> stored("a", "b1", s)).toList();
    Loss loss = Loss.of(truth, store).get("a");
    assertEquals(4, loss.lost(), loss::toString); // seq 2 in transit, 3..5 offline
    assertEquals(1, loss.runs());
    assertEquals("a lost 4 reading(s) in 1 stretch(es) [boot b1: [2, 3, 4, 5]]", loss.toString());
  }

  @Test
  void readingsTakenBeforeTheFirstConnectionAreNotARestartsLoss() {
    Fate o = Fate.notSent("not_connected");
    GroundTruth truth = new GroundTruth(List.of(boot("a", "b1", o, o, Fate.SENT, Fate.SENT)));
    Loss loss = Loss.of(truth, List.of(stored("a", "b1", 2), stored("a", "b1", 3))).get("a");
    assertEquals(0, loss.lost(), loss::toString);
  }

  @Test
  void separateStretchesAreCountedAcrossBoots() {
    GroundTruth truth = new GroundTruth(List.of(boot("a", "b1", Fate.SENT, Fate.SENT, Fate.SENT, Fate.SENT),
        boot("a", "b2", Fate.SENT, Fate.SENT, Fate.SENT)));
    List<StoredReading> store = List.of(stored("a", "b1", 0), stored("a", "b1", 2), stored("a", "b2", 0),
        stored("a", "b2", 2));
    Loss loss = Loss.of(truth, store).get("a");
    assertEquals(3, loss.lost(), loss::toString); // b1: 1 and 3 (3 was written last); b2: 1
    assertEquals(3, loss.runs());
  }

  @Test
  void nothingMissingIsNoLoss() {
    GroundTruth truth = new GroundTruth(List.of(boot("a", "b1", Fate.ACKED, Fate.ACKED)));
    Loss loss = Loss.of(truth, List.of(stored("a", "b1", 0), stored("a", "b1", 1))).get("a");
    assertEquals(0, loss.lost());
    assertEquals(0, loss.runs());
  }
}
