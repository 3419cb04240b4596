package dev.hilbench.features.check;

import dev.hilbench.features.truth.BootHistory;
import dev.hilbench.features.truth.GroundTruth;
import dev.hilbench.server.store.StoredReading;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a device lost while it was reporting: the readings between the first and the last one it
 * wrote whole, in each boot, that are not in the store, whatever the reason (never sent while
 * offline, or lost in transit), and how many separate stretches they make. Readings before its
 * first written one (taken while it was still joining Wi-Fi) and after its last (it may still
 * send them) are not counted.
 *
 * @param device the device id
 * @param lost   readings missing
 * @param runs   stretches of consecutive missing seqs (a restart's loss is one stretch)
 * @param seqs   the missing seqs, boot by boot, e.g. {@code [b1: 6, 7, 8]}
 */
public record Loss(String device, long lost, int runs, List<String> seqs) {

  public Loss {
    seqs = List.copyOf(seqs);
  }

  /** One entry per device of the record, in its order. */
  public static Map<String, Loss> of(GroundTruth truth, List<StoredReading> store) {
    Map<String, Set<Long>> stored = new java.util.HashMap<>();
    for (StoredReading r : store) {
      stored.computeIfAbsent(r.device() + '\u0000' + r.boot(), k -> new HashSet<>()).add(r.seq());
    }
    Map<String, Loss> out = new LinkedHashMap<>();
    for (String device : truth.devices()) {
      long lost = 0;
      int runs = 0;
      List<String> seqs = new ArrayList<>();
      for (BootHistory boot : truth.bootsOf(device)) {
        Set<Long> have = stored.getOrDefault(device + '\u0000' + boot.boot(), Set.of());
        List<Long> written = boot.fates().entrySet().stream().filter(e -> e.getValue().written())
            .map(Map.Entry::getKey).toList(); // in seq order: the fates are sorted
        List<Long> missing = new ArrayList<>();
        long from = written.isEmpty() ? 0 : written.get(0);
        long to = written.isEmpty() ? -1 : written.get(written.size() - 1);
        for (long seq = from; seq <= to; seq++) {
          if (!have.contains(seq)) {
            missing.add(seq);
            if (missing.size() == 1 || missing.get(missing.size() - 2) != seq - 1) {
              runs++;
            }
          }
        }
        lost += missing.size();
        if (!missing.isEmpty()) {
          seqs.add("boot " + boot.boot() + ": " + missing);
        }
      }
      out.put(device, new Loss(device, lost, runs, seqs));
    }
    return out;
  }

  @Override
  public String toString() {
    return device + " lost " + lost + " reading(s) in " + runs + " stretch(es)" + (seqs.isEmpty() ? "" : " " + seqs);
  }
}
