package dev.hilbench.features.check;

import dev.hilbench.features.truth.BootHistory;
import dev.hilbench.features.truth.Expect;
import dev.hilbench.features.truth.Fate;
import dev.hilbench.features.truth.GroundTruth;
import dev.hilbench.server.store.StoredReading;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The gaps of one device as the server sees them (seqs below the highest stored one of a boot
 * that are not stored) and which of them its record does not explain: a gap is explained when
 * the device says it never sent that reading (taken offline, dropped, failed, mangled).
 *
 * @param seqs        every gap, as {@code boot:seq}
 * @param unexplained the gaps the device says it sent, with the fate it logged
 */
public record Gaps(List<String> seqs, List<String> unexplained) {

  public Gaps {
    seqs = List.copyOf(seqs);
    unexplained = List.copyOf(unexplained);
  }

  public static Gaps of(GroundTruth truth, List<StoredReading> store, String device) {
    List<String> seqs = new ArrayList<>();
    List<String> unexplained = new ArrayList<>();
    for (BootHistory boot : truth.bootsOf(device)) {
      Set<Long> have = new HashSet<>();
      long highest = -1;
      for (StoredReading r : store) {
        if (r.device().equals(device) && r.boot().equals(boot.boot())) {
          have.add(r.seq());
          highest = Math.max(highest, r.seq());
        }
      }
      for (long seq = 0; seq < highest; seq++) {
        if (have.contains(seq)) {
          continue;
        }
        seqs.add(boot.boot() + ":" + seq);
        Fate fate = boot.fate(seq);
        if (fate == null || fate.expect() != Expect.NEVER) {
          unexplained.add(boot.boot() + ":" + seq + " (" + fate + ")");
        }
      }
    }
    return new Gaps(seqs, unexplained);
  }
}
