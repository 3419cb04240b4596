package dev.hilbench.server.session;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The boots of one device and the seqs received in each: decides whether a reading is new, a
 * duplicate or late, how many readings it skipped, and whether the device rebooted.
 *
 * <ul>
 *   <li>A device with hello names its boots: a boot id the device never used before is a reboot.
 *   <li>A device without hello (known by IP) cannot: the server numbers its boots {@code ip-1},
 *       {@code ip-2}, ..., and starts a new one when a reading's seq and millis are both below
 *       the previous reading's (the node started counting again). Millis alone going back is its
 *       49-day wrap; seq alone going back is a resend.
 * </ul>
 *
 * <p>History is kept for the {@value #MAX_BOOTS} most recent boots: after a reboot a node resends
 * only readings of its current boot (the ring buffer is in RAM), and a late line of the previous
 * boot can still arrive over an old connection. Not thread-safe.
 */
final class BootTracker {

  static final int MAX_BOOTS = 4;
  static final String IP_BOOT_PREFIX = "ip-";

  private final boolean serverNumbered;
  private final Map<String, SeqHistory> histories = new LinkedHashMap<>(8, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, SeqHistory> eldest) {
      return size() > MAX_BOOTS;
    }
  };
  private String current;
  private int lastNumber;           // server-numbered boots: N of the latest ip-N
  private long lastSeq = -1, lastMillis = -1;
  private String cachedBoot;        // the boot of the latest reading and its history: the hot path
  private SeqHistory cachedHistory;

  // What the latest offer found, read right after it.
  private long gap;
  private boolean rebooted;
  private String boot;

  BootTracker(boolean serverNumbered) {
    this.serverNumbered = serverNumbered;
  }

  /** The current boot id, null before the first hello or reading. */
  String current() {
    return current;
  }

  /**
   * A hello announced {@code bootId}. Returns true if that is a reboot: a boot id the device has
   * not used before, while it had one. Only for devices with hello.
   */
  boolean announce(String bootId) {
    boolean reboot = current != null && !bootId.equals(current) && !histories.containsKey(bootId);
    current = bootId;
    history(bootId);
    return reboot;
  }

  /**
   * Classifies a reading. {@code helloBoot} is the boot its connection announced, or null for a
   * device without hello (the boot is then inferred). Read {@link #gap()}, {@link #rebooted()}
   * and {@link #boot()} right after.
   */
  ReadingVerdict offer(String helloBoot, long seq, long millis) {
    rebooted = false;
    String b = helloBoot;
    if (serverNumbered) {
      if (current == null) {
        current = IP_BOOT_PREFIX + (++lastNumber);
      } else if (lastSeq >= 0 && seq < lastSeq && millis < lastMillis) {
        current = IP_BOOT_PREFIX + (++lastNumber);
        rebooted = true;
      }
      b = current;
    }
    SeqHistory history = b == cachedBoot ? cachedHistory : history(b);
    ReadingVerdict verdict = history.offer(seq);
    gap = history.lastGap();
    boot = b;
    lastSeq = seq;
    lastMillis = millis;
    return verdict;
  }

  /** Readings the latest {@link #offer} skipped. */
  long gap() {
    return gap;
  }

  /** Whether the latest {@link #offer} started a new server-numbered boot. */
  boolean rebooted() {
    return rebooted;
  }

  /** The boot the latest {@link #offer} was counted in. */
  String boot() {
    return boot;
  }

  /** Replays one stored reading, in storage order, to rebuild the state after a restart. */
  void restore(String bootId, long seq, long millis) {
    if (serverNumbered && bootId.startsWith(IP_BOOT_PREFIX)) {
      try {
        lastNumber = Math.max(lastNumber, Integer.parseInt(bootId, IP_BOOT_PREFIX.length(), bootId.length(), 10));
      } catch (NumberFormatException e) {
        // Not one of ours (ip-N with N a number): it still counts as a boot, just not in the numbering.
      }
    }
    (bootId == cachedBoot ? cachedHistory : history(bootId)).offer(seq);
    current = bootId;
    lastSeq = seq;
    lastMillis = millis;
  }

  private SeqHistory history(String bootId) {
    SeqHistory h = histories.computeIfAbsent(bootId, k -> new SeqHistory());
    cachedBoot = bootId;
    cachedHistory = h;
    return h;
  }
}
