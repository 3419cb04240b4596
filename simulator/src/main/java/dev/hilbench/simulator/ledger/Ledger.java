package dev.hilbench.simulator.ledger;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The ground truth of a run: every reading every node generated, with its fate.
 *
 * @param seed    the fleet seed the run used (print it with any failure to replay the run)
 * @param run     the run id, the prefix of every boot id of the run
 * @param records one per boot of each node, in node order
 */
public record Ledger(long seed, String run, List<LedgerRecord> records) {

  public Ledger {
    records = List.copyOf(records);
  }

  public long generated() {
    return records.stream().mapToLong(LedgerRecord::generated).sum();
  }

  /** How many readings of the whole run ended with each fate. */
  public Map<Fate, Long> totals() {
    Map<Fate, Long> t = new EnumMap<>(Fate.class);
    for (Fate f : Fate.values()) {
      t.put(f, 0L);
    }
    for (LedgerRecord r : records) {
      for (int i = 0; i < r.fates().length(); i++) {
        t.merge(Fate.ofCode(r.fates().charAt(i)), 1L, Long::sum);
      }
    }
    return t;
  }
}
