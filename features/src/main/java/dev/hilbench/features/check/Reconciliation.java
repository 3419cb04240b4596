package dev.hilbench.features.check;

import dev.hilbench.features.truth.BootHistory;
import dev.hilbench.features.truth.Expect;
import dev.hilbench.features.truth.Fate;
import dev.hilbench.features.truth.GroundTruth;
import dev.hilbench.features.truth.Values;
import dev.hilbench.server.store.StoredReading;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the devices say they sent, set against what the server stored: per device, readings
 * missing, lost in transit, stored though never sent, stored twice, or stored with other values.
 *
 * <p>The device's record is a snapshot taken before the store was read, while the devices go on
 * sending: stored readings newer than the record (a seq past its last one, a boot it does not
 * know yet) are left out rather than counted as unexpected. Stored readings of devices the record
 * does not name at all (another client on the same server) are not this check's business.
 *
 * @param tallies  one per device of the record, in its order
 * @param problems the first few findings in words, each naming device, boot, seq and fate
 */
public record Reconciliation(List<DeviceTally> tallies, List<String> problems) {

  /** Findings listed in words at most; the counts are always complete. */
  static final int MAX_PROBLEMS = 20;

  public Reconciliation {
    tallies = List.copyOf(tallies);
    problems = List.copyOf(problems);
  }

  public static Reconciliation of(GroundTruth truth, List<StoredReading> store) {
    Map<String, Map<Long, List<StoredReading>>> byBoot = new HashMap<>();
    for (StoredReading r : store) {
      byBoot.computeIfAbsent(key(r.device(), r.boot()), k -> new HashMap<>())
          .computeIfAbsent(r.seq(), k -> new ArrayList<>()).add(r);
    }
    List<String> problems = new ArrayList<>();
    Map<String, Count> counts = new LinkedHashMap<>();
    for (BootHistory boot : truth.boots()) {
      Count c = counts.computeIfAbsent(boot.device(), k -> new Count());
      Map<Long, List<StoredReading>> stored = byBoot.getOrDefault(key(boot.device(), boot.boot()), Map.of());
      c.generated += boot.generated();
      c.written += boot.written();
      c.abruptEnds += boot.abruptEnds();
      for (Map.Entry<Long, Fate> e : boot.fates().entrySet()) {
        long seq = e.getKey();
        Fate fate = e.getValue();
        List<StoredReading> copies = stored.getOrDefault(seq, List.of());
        if (!copies.isEmpty()) {
          c.stored++;
        }
        if (copies.size() > 1) {
          c.duplicates += copies.size() - 1;
          note(problems, boot, seq, fate, "stored " + copies.size() + " times");
        }
        if (copies.isEmpty() && fate.expect() == Expect.MUST) {
          c.mustMissing++;
          note(problems, boot, seq, fate, "acknowledged, but not in the store");
        } else if (copies.isEmpty() && fate.expect() == Expect.SHOULD) {
          c.lostInTransit++;
          note(problems, boot, seq, fate, "written, but not in the store");
        } else if (!copies.isEmpty() && fate.expect() == Expect.NEVER) {
          c.unexpected++;
          note(problems, boot, seq, fate, "never left the device intact, yet stored");
        }
        Values logged = boot.values().get(seq);
        if (logged != null && !copies.isEmpty()) {
          StoredReading s = copies.get(0);
          if (!logged.matches(s.millis(), s.temperature(), s.humidity())) {
            c.mismatched++;
            note(problems, boot, seq, fate, "logged " + logged + " but stored millis=" + s.millis() + " t="
                + s.temperature() + " h=" + s.humidity());
          }
        }
      }
    }
    List<DeviceTally> tallies = counts.entrySet().stream().map(e -> e.getValue().tally(e.getKey())).toList();
    return new Reconciliation(tallies, problems);
  }

  private static String key(String device, String boot) {
    return device + '\u0000' + boot;
  }

  /** A device's counts while they are added up. */
  private static final class Count {
    long generated;
    long written;
    long stored;
    long mustMissing;
    long lostInTransit;
    long abruptEnds;
    long unexpected;
    long duplicates;
    long mismatched;

    DeviceTally tally(String device) {
      return new DeviceTally(device, generated, written, stored, mustMissing, lostInTransit, abruptEnds, unexpected,
          duplicates, mismatched);
    }
  }

  private static void note(List<String> problems, BootHistory boot, long seq, Fate fate, String what) {
    if (problems.size() < MAX_PROBLEMS) {
      problems.add(boot.device() + " boot " + boot.boot() + " seq " + seq + " (" + fate + "): " + what);
    }
  }

  public DeviceTally tally(String device) {
    return tallies.stream().filter(t -> t.device().equals(device)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no device " + device + " in the record"));
  }

  /** Every device exact: each written reading stored once, nothing else, same values. */
  public boolean exact() {
    return tallies.stream().allMatch(DeviceTally::exact);
  }

  /** As {@link #exact()}, but each device may have lost up to {@code perDevice} readings in transit. */
  public boolean exactBut(long perDevice) {
    return tallies.stream().allMatch(t -> t.exactBut(perDevice));
  }

  public long lostInTransit() {
    return tallies.stream().mapToLong(DeviceTally::lostInTransit).sum();
  }

  /** A report for a failed check: totals, the devices that are off, and the first findings. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    List<DeviceTally> off = tallies.stream().filter(t -> !t.exact()).toList();
    s.append(tallies.size()).append(" device(s), ").append(off.size()).append(" not exact");
    off.stream().limit(10).forEach(t -> s.append("\n  ").append(t));
    if (off.size() > 10) {
      s.append("\n  ... and ").append(off.size() - 10).append(" more");
    }
    problems.forEach(p -> s.append("\n  - ").append(p));
    return s.toString();
  }
}
