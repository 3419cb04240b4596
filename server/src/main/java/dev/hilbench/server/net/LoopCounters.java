package dev.hilbench.server.net;

import dev.hilbench.protocol.LineError;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The counters of one connection thread. Only that thread writes them (plain add, opaque store:
 * no lock, no contended cache line at millions of lines a second); any thread may read them.
 */
public final class LoopCounters {

  /** What is counted, besides malformed lines per reason. */
  public enum Counter { READINGS, DUPLICATES, GAPS, REBOOTS, IDLE_CLOSES, TAKEOVERS, BYTES_READ, READ_PAUSES }

  private static final int MALFORMED_BASE = Counter.values().length;

  private final AtomicLongArray values = new AtomicLongArray(MALFORMED_BASE + LineError.values().length);
  private final AtomicLong lastReadingMillis = new AtomicLong();

  void add(Counter c, long n) {
    add(c.ordinal(), n);
  }

  /** A valid reading was received at {@code millis} (epoch ms). */
  void readingAt(long millis) {
    add(Counter.READINGS.ordinal(), 1);
    lastReadingMillis.setOpaque(millis);
  }

  void countMalformed(LineError e) {
    add(MALFORMED_BASE + e.ordinal(), 1);
  }

  public long get(Counter c) {
    return values.getOpaque(c.ordinal());
  }

  /** When this thread last received a valid reading, in epoch ms; 0 before the first. */
  public long lastReadingMillis() {
    return lastReadingMillis.getOpaque();
  }

  public long malformed(LineError e) {
    return values.getOpaque(MALFORMED_BASE + e.ordinal());
  }

  private void add(int i, long n) {
    values.setOpaque(i, values.getPlain(i) + n);
  }
}
