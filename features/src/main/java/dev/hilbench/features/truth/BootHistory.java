package dev.hilbench.features.truth;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One boot of one device as the device recorded it: the fate of every reading it generated,
 * by seq, and the values of those it sent where it logged them.
 *
 * @param device     the device id the node announces (its hello)
 * @param boot       the boot id of its hello
 * @param firmware   the firmware version it reported, or {@code null} where unknown
 * @param fates      seq to fate, for seq 0 up to the last reading generated
 * @param values     seq to logged values; empty where the target does not log them (the simulator)
 * @param abruptEnds connections of this boot that ended in a way that can lose a reading in
 *                   flight; each allows one reading {@link Expect#SHOULD} to be missing
 */
public record BootHistory(String device, String boot, String firmware, SortedMap<Long, Fate> fates,
    Map<Long, Values> values, int abruptEnds) {

  public BootHistory {
    fates = Collections.unmodifiableSortedMap(new TreeMap<>(fates));
    values = Map.copyOf(values);
  }

  /** Readings generated in this boot (seq 0 to the last one known). */
  public int generated() {
    return fates.isEmpty() ? 0 : (int) (fates.lastKey() + 1);
  }

  /** The highest seq this record knows about, -1 if none. */
  public long lastSeq() {
    return fates.isEmpty() ? -1 : fates.lastKey();
  }

  public Fate fate(long seq) {
    return fates.get(seq);
  }

  /** Readings of this boot whose line was written whole to a connection. */
  public long written() {
    return fates.values().stream().filter(Fate::written).count();
  }

  /** How many readings of this boot have a fate with the given expectation. */
  public long count(Expect expect) {
    return fates.values().stream().filter(f -> f.expect() == expect).count();
  }
}
