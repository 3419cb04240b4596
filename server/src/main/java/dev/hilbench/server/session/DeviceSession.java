package dev.hilbench.server.session;

import dev.hilbench.protocol.Hello;
import dev.hilbench.protocol.LineError;
import dev.hilbench.protocol.Malformed;
import dev.hilbench.protocol.Reading;
import dev.hilbench.server.DeviceSnapshot;
import dev.hilbench.server.IdentifiedBy;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the server knows of one device: its connections, boots, counters and latest reading.
 *
 * <p>Guarded by its own monitor: a connection's thread holds {@code synchronized (session)} while
 * it applies the lines of one read to it (one lock per read, not per line), and
 * {@link #snapshot()} takes it briefly. A device is almost always served by one connection, so the
 * lock is uncontended; it matters during a takeover, and for several nodes behind one IP address.
 * Methods other than {@link #snapshot()}, {@link #id()} and {@link #identifiedBy()} must be called
 * with the monitor held.
 */
public final class DeviceSession {

  private static final LineError[] CODES = LineError.values();

  private final String id;
  private final IdentifiedBy identifiedBy;
  private final BootTracker boots;

  private String firmware;
  private String peer;
  private DeviceLink holder;        // the connection a named device is on (takeover); null for IP devices
  private int openConnections;
  private long connects, readings, gaps, duplicates, reboots, malformed, idleTimeouts, takeovers;
  private final long[] malformedByCode = new long[CODES.length];
  private Malformed lastMalformed;
  private Reading lastReading;
  private long lastReadingAt, lastSeen;

  DeviceSession(String id, IdentifiedBy identifiedBy) {
    this.id = id;
    this.identifiedBy = identifiedBy;
    this.boots = new BootTracker(identifiedBy == IdentifiedBy.IP);
  }

  public String id() {
    return id;
  }

  public IdentifiedBy identifiedBy() {
    return identifiedBy;
  }

  /**
   * A connection starts delivering this device's lines. For a device with hello it becomes the
   * device's connection, and the one it replaces, if still there, is returned: the caller closes
   * it (takeover). Devices known by IP are never taken over: several nodes may share the address.
   */
  public DeviceLink connected(DeviceLink link, String peerAddress, long now) {
    connects++;
    openConnections++;
    peer = peerAddress;
    lastSeen = now;
    if (identifiedBy != IdentifiedBy.HELLO) {
      return null;
    }
    DeviceLink previous = holder != null && holder != link ? holder : null;
    if (previous != null) {
      takeovers++;
    }
    holder = link;
    return previous;
  }

  /** A connection of this device closed. */
  public void disconnected(DeviceLink link, boolean idleTimeout) {
    openConnections--;
    if (holder == link) {
      holder = null;
    }
    if (idleTimeout) {
      idleTimeouts++;
    }
  }

  /** A hello on one of its connections. Returns true if it announces a reboot (a new boot id). */
  public boolean hello(Hello hello, long now) {
    firmware = hello.firmware();
    lastSeen = now;
    boolean reboot = boots.announce(hello.boot());
    if (reboot) {
      reboots++;
    }
    return reboot;
  }

  /**
   * A valid reading arrived on a connection whose hello announced {@code helloBoot} (null without
   * hello). Returns what it is; {@link #lastGap()}, {@link #lastRebooted()} and {@link #lastBoot()}
   * tell more.
   */
  public ReadingVerdict reading(String helloBoot, Reading reading, long now) {
    ReadingVerdict verdict = boots.offer(helloBoot, reading.seq(), reading.millis());
    readings++;
    lastReading = reading;
    lastReadingAt = now;
    lastSeen = now;
    if (boots.rebooted()) {
      reboots++;
    }
    switch (verdict) {
      case NEW -> gaps += boots.gap();
      case LATE -> gaps--;
      case DUPLICATE -> duplicates++;
    }
    return verdict;
  }

  /** Readings the latest reading skipped (seq numbers never received before it). */
  public long lastGap() {
    return boots.gap();
  }

  /** Whether the latest reading started a new boot (devices without hello). */
  public boolean lastRebooted() {
    return boots.rebooted();
  }

  /** The boot the latest reading belongs to. */
  public String lastBoot() {
    return boots.boot();
  }

  /** The current boot id, null before any. */
  public String currentBoot() {
    return boots.current();
  }

  /** A line of this device was rejected. */
  public void malformed(Malformed line, long now) {
    malformed++;
    malformedByCode[line.error().ordinal()]++;
    lastMalformed = line;
    lastSeen = now;
  }

  /** Replays a stored reading at start, so duplicates are recognised across restarts. */
  void restore(String boot, long seq, long millis) {
    boots.restore(boot, seq, millis);
  }

  /** A consistent copy, taken under the monitor. */
  public synchronized DeviceSnapshot snapshot() {
    Map<LineError, Long> byCode = new EnumMap<>(LineError.class);
    for (LineError code : CODES) {
      if (malformedByCode[code.ordinal()] > 0) {
        byCode.put(code, malformedByCode[code.ordinal()]);
      }
    }
    return new DeviceSnapshot(id, identifiedBy, boots.current(), firmware, openConnections > 0, peer,
        connects, Math.max(0, connects - 1), readings, gaps, duplicates, reboots, malformed, byCode,
        idleTimeouts, takeovers, lastReading, instant(lastReadingAt), instant(lastSeen), lastMalformed);
  }

  private static Instant instant(long epochMillis) {
    return epochMillis == 0 ? null : Instant.ofEpochMilli(epochMillis);
  }
}
