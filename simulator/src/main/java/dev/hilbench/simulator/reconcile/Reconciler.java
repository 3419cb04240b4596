package dev.hilbench.simulator.reconcile;

import dev.hilbench.simulator.ledger.Fate;
import dev.hilbench.simulator.ledger.Ledger;
import dev.hilbench.simulator.ledger.LedgerRecord;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Holds a run's ledger against what the server stored, reading by reading.
 *
 * <p>What is exact: every acknowledged reading is stored; nothing is stored that the ledger says
 * never reached the server intact (dropped, mangled, never sent, ...), or that no node generated;
 * nothing is stored twice. What timing decides (a reading in flight when a connection is reset
 * or the server gives up on it) is allowed within one reading per abrupt connection end. Pure:
 * no I/O, so it runs the same on a live fleet, a ledger file or a test's hand-made data.
 */
public final class Reconciler {

  /** How many examples a problem lists before saying "and N more". */
  static final int EXAMPLES = 5;

  private Reconciler() {}

  public static Reconciliation reconcile(Ledger ledger, Iterable<StoredKey> store) {
    Map<String, LedgerRecord> boots = new HashMap<>();
    Map<String, List<LedgerRecord>> byDevice = new LinkedHashMap<>();
    for (LedgerRecord r : ledger.records()) {
      boots.put(key(r.device(), r.boot()), r);
      byDevice.computeIfAbsent(r.device(), d -> new ArrayList<>()).add(r);
    }
    Map<String, int[]> hits = new HashMap<>();
    Map<String, List<String>> strays = new HashMap<>();
    long foreign = 0;
    for (StoredKey k : store) {
      if (!byDevice.containsKey(k.device())) {
        continue; // another device: not this run's business
      }
      LedgerRecord r = boots.get(key(k.device(), k.boot()));
      if (r == null) {
        if (k.boot().startsWith(ledger.run() + ".")) {
          strays.computeIfAbsent(k.device(), d -> new ArrayList<>()).add("boot " + k.boot() + " seq " + k.seq());
        } else {
          foreign++; // an earlier run's boot of the same device
        }
        continue;
      }
      if (k.seq() < 0 || k.seq() >= r.generated()) {
        strays.computeIfAbsent(k.device(), d -> new ArrayList<>()).add("boot " + k.boot() + " seq " + k.seq());
        continue;
      }
      hits.computeIfAbsent(key(r.device(), r.boot()), x -> new int[r.generated()])[(int) k.seq()]++;
    }

    List<DeviceTally> tallies = new ArrayList<>();
    for (Map.Entry<String, List<LedgerRecord>> e : byDevice.entrySet()) {
      tallies.add(tally(e.getKey(), e.getValue(), hits, strays.getOrDefault(e.getKey(), List.of())));
    }
    return new Reconciliation(ledger.seed(), ledger.run(), tallies, sum(tallies), foreign);
  }

  private static DeviceTally tally(String device, List<LedgerRecord> records, Map<String, int[]> hits, List<String> strays) {
    long generated = 0, sent = 0, stored = 0, transit = 0, allowed = 0, dup = 0, resent = 0;
    Map<Fate, Long> losses = new EnumMap<>(Fate.class);
    List<String> mustMissing = new ArrayList<>(), shouldNot = new ArrayList<>(), dups = new ArrayList<>();
    long sentMissing = 0;
    for (LedgerRecord r : records) {
      int[] h = hits.getOrDefault(key(r.device(), r.boot()), new int[r.generated()]);
      generated += r.generated();
      allowed += r.abruptEnds();
      resent += r.resends();
      for (int seq = 0; seq < r.generated(); seq++) {
        Fate f = r.fate(seq);
        boolean isStored = h[seq] > 0;
        if (f.sent()) {
          sent++;
        }
        if (isStored) {
          stored++;
        }
        if (h[seq] > 1) {
          dup += h[seq] - 1;
          dups.add(r.boot() + "#" + seq + " x" + h[seq]);
        }
        switch (f.expect()) {
          case MUST -> {
            if (!isStored) {
              mustMissing.add(r.boot() + "#" + seq);
              transit++;
            }
          }
          case STORED -> {
            if (!isStored) {
              transit++;
              sentMissing++;
            }
          }
          case MAYBE -> {
            if (!isStored) {
              transit++;
            }
          }
          case NOT_STORED -> {
            if (isStored) {
              shouldNot.add(r.boot() + "#" + seq + " (" + f.label() + ")");
            } else {
              losses.merge(f, 1L, Long::sum);
            }
          }
        }
      }
    }
    List<String> problems = new ArrayList<>();
    if (!mustMissing.isEmpty()) {
      problems.add(mustMissing.size() + " acknowledged but not stored: " + examples(mustMissing));
    }
    if (!shouldNot.isEmpty()) {
      problems.add(shouldNot.size() + " stored but never sent intact: " + examples(shouldNot));
    }
    if (!strays.isEmpty()) {
      problems.add(strays.size() + " stored but never generated: " + examples(strays));
    }
    if (!dups.isEmpty()) {
      problems.add(dup + " duplicate rows in the store: " + examples(dups));
    }
    if (sentMissing > allowed) {
      problems.add(sentMissing + " sent but not stored, more than the " + allowed
          + " that abrupt connection ends can explain");
    }
    return new DeviceTally(device, generated, sent, stored, transit, allowed, dup, resent, losses, problems);
  }

  private static DeviceTally sum(List<DeviceTally> all) {
    long g = 0, s = 0, st = 0, t = 0, a = 0, d = 0, r = 0;
    Map<Fate, Long> losses = new EnumMap<>(Fate.class);
    for (DeviceTally x : all) {
      g += x.generated();
      s += x.sent();
      st += x.stored();
      t += x.lostInTransit();
      a += x.allowedInTransit();
      d += x.duplicated();
      r += x.resent();
      x.losses().forEach((f, n) -> losses.merge(f, n, Long::sum));
    }
    List<String> problems = new ArrayList<>();
    long accounted = st + t + losses.values().stream().mapToLong(Long::longValue).sum();
    if (accounted != g) {
      problems.add("total: generated " + g + " but stored + lost account for " + accounted);
    }
    return new DeviceTally("total", g, s, st, t, a, d, r, losses, problems);
  }

  private static String examples(List<String> items) {
    String shown = String.join(", ", items.subList(0, Math.min(EXAMPLES, items.size())));
    return items.size() > EXAMPLES ? shown + " and " + (items.size() - EXAMPLES) + " more" : shown;
  }

  private static String key(String device, String boot) {
    return device + '\u0000' + boot;
  }
}
