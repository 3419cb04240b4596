package dev.hilbench.features.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hilbench.features.truth.BootHistory;
import dev.hilbench.features.truth.Fate;
import dev.hilbench.features.truth.GroundTruth;
import dev.hilbench.server.store.StoredReading;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class GapsTest {

  private static StoredReading stored(long seq) {
    return new StoredReading("a", "b1", seq, seq, 20.0, 40.0, 0, "p");
  }

  @Test
  void gapsTheDeviceExplainsAndOnesItDoesNot() {
    TreeMap<Long, Fate> fates = new TreeMap<>(Map.of(0L, Fate.notSent("not_connected"), 1L, Fate.SENT,
        2L, Fate.SENT, 3L, Fate.notSent("drop"), 4L, Fate.SENT, 5L, Fate.SENT));
    GroundTruth truth = new GroundTruth(List.of(new BootHistory("a", "b1", "1", fates, Map.of(), 0)));
    Gaps gaps = Gaps.of(truth, List.of(stored(1), stored(4)), "a");
    assertEquals(List.of("b1:0", "b1:2", "b1:3"), gaps.seqs());
    assertEquals(List.of("b1:2 (sent)"), gaps.unexplained());
  }
}
