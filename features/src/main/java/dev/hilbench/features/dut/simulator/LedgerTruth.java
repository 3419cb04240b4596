package dev.hilbench.features.dut.simulator;

import dev.hilbench.features.truth.BootHistory;
import dev.hilbench.features.truth.Fate;
import dev.hilbench.features.truth.GroundTruth;
import dev.hilbench.simulator.ledger.Ledger;
import dev.hilbench.simulator.ledger.LedgerRecord;
import java.util.Map;
import java.util.TreeMap;

/** The simulator's ledger in the features' terms: one boot history per ledger record. */
final class LedgerTruth {

  private LedgerTruth() {}

  static GroundTruth of(Ledger ledger, String firmware) {
    return new GroundTruth(ledger.records().stream().map(r -> boot(r, firmware)).toList());
  }

  private static BootHistory boot(LedgerRecord r, String firmware) {
    Map<Long, Fate> fates = new TreeMap<>();
    for (int seq = 0; seq < r.generated(); seq++) {
      fates.put((long) seq, fate(r.fate(seq)));
    }
    return new BootHistory(r.device(), r.boot(), firmware, new TreeMap<>(fates), Map.of(), r.abruptEnds());
  }

  static Fate fate(dev.hilbench.simulator.ledger.Fate f) {
    return switch (f.expect()) {
      case MUST -> Fate.ACKED;
      case STORED -> Fate.SENT;
      case MAYBE -> f.sent() ? Fate.UNACKED : Fate.PENDING;
      case NOT_STORED -> f == dev.hilbench.simulator.ledger.Fate.PENDING ? Fate.PENDING : Fate.notSent(f.label());
    };
  }
}
