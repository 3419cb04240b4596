package dev.hilbench.server.net;

import dev.hilbench.protocol.Ack;
import dev.hilbench.protocol.Blank;
import dev.hilbench.protocol.Hello;
import dev.hilbench.protocol.Line;
import dev.hilbench.protocol.LineError;
import dev.hilbench.protocol.Malformed;
import dev.hilbench.protocol.Reading;
import dev.hilbench.server.net.LoopCounters.Counter;
import dev.hilbench.server.output.Output;
import dev.hilbench.server.session.DeviceLink;
import dev.hilbench.server.session.DeviceSession;
import dev.hilbench.server.session.ReadingVerdict;
import dev.hilbench.server.session.SessionRegistry;
import dev.hilbench.server.store.SessionEvent;
import dev.hilbench.server.store.StoreBatch;
import dev.hilbench.server.store.StorePipeline;
import dev.hilbench.server.store.StreamRecord;
import java.util.List;

/**
 * Applies the lines of one read to the device sessions: the receiver's rules in one place.
 *
 * <ul>
 *   <li>A connection belongs to no device until its first line: a hello names the device, any
 *       other line makes it the device of its peer IP address.
 *   <li>A hello of a device that has another connection open closes that one (takeover).
 *   <li>A reading new for its (device, boot) goes to the store batch; a duplicate does not; either
 *       way it is acknowledged once the batch is committed, if the connection asked.
 *   <li>A bad line is counted for its device and reported (at most {@value #REPORTS_PER_SECOND} a
 *       second per connection: a hostile stream must not flood the console).
 * </ul>
 *
 * <p>The session's monitor is taken once per run of lines (a whole read, normally), not per line.
 * One per connection thread; it owns that thread's current {@link StoreBatch}.
 */
final class LineProcessor {

  static final int REPORTS_PER_SECOND = 10;
  /** A batch this large is handed over at once rather than at the end of the loop iteration. */
  static final int BATCH_HANDOVER = 8192;

  private final SessionRegistry registry;
  private final StorePipeline store;
  private final Output output;
  private final LoopCounters counters;
  private StoreBatch batch;

  LineProcessor(SessionRegistry registry, StorePipeline store, Output output, LoopCounters counters) {
    this.registry = registry;
    this.store = store;
    this.output = output;
    this.counters = counters;
    this.batch = store.emptyBatch();
  }

  /** A connection was accepted: said on the console; it belongs to no device yet. */
  void accepted(Connection c, long now) {
    output.event(now, null, c.peer, "connected", null);
  }

  /** Applies {@code lines}, received together on {@code c} at {@code now}. */
  void apply(Connection c, List<Line> lines, long now) {
    int n = lines.size();
    int i = 0;
    while (i < n) {
      if (lines.get(i) instanceof Hello hello) {
        hello(c, hello, now);
        i++;
        continue;
      }
      DeviceSession s = c.session != null ? c.session : attachByIp(c, now);
      synchronized (s) {
        for (; i < n; i++) {
          Line line = lines.get(i);
          switch (line) {
            case Reading r -> reading(c, s, r, now);
            case Malformed m -> malformed(c, s, m, now);
            case Ack a -> malformed(c, s, new Malformed(LineError.UNKNOWN_CONTROL,
                "#ack is sent by the server, never by a node", a.toLine()), now);
            case Blank b -> { }
            case Hello h -> { }
          }
          if (i + 1 < n && lines.get(i + 1) instanceof Hello) {
            i++;
            break; // the hello may switch devices: apply it outside this device's monitor
          }
        }
      }
    }
  }

  /** The connection closed (any reason). */
  void closed(Connection c, CloseReason reason, long now) {
    reportSuppressed(c, now);
    DeviceSession s = c.session;
    if (s != null) {
      synchronized (s) {
        s.disconnected(c, reason == CloseReason.IDLE_TIMEOUT);
      }
    }
    if (reason == CloseReason.IDLE_TIMEOUT) {
      counters.add(Counter.IDLE_CLOSES, 1);
    }
    event(c, s, now, "disconnect", reason.text, s != null);
  }

  boolean batchFull() {
    return batch.weight() >= BATCH_HANDOVER;
  }

  /** Hands the current batch to the store, if it holds anything. */
  void flush() {
    if (!batch.isEmpty()) {
      store.submit(batch);
      batch = store.emptyBatch();
    }
  }

  private DeviceSession attachByIp(Connection c, long now) {
    DeviceSession s = registry.byIp(c.ip);
    synchronized (s) {
      s.connected(c, c.peer, now); // devices known by IP are never taken over: nothing to close
    }
    c.session = s;
    c.helloBoot = null;
    c.acks = null;
    event(c, s, now, "connect", "identified by peer address (no hello)", true);
    return s;
  }

  private void hello(Connection c, Hello h, long now) {
    DeviceSession old = c.session;
    DeviceSession s = registry.named(h.device());
    if (old != null && old != s) {
      synchronized (old) {
        old.disconnected(c, false);
      }
      event(c, old, now, "disconnect", "the connection named itself " + h.device(), true);
    }
    DeviceLink previous = null;
    boolean reboot;
    String oldBoot;
    synchronized (s) {
      oldBoot = s.currentBoot();
      if (old != s) {
        previous = s.connected(c, c.peer, now);
      }
      reboot = s.hello(h, now);
    }
    if (!h.wantsAck()) {
      c.acks = null;
    } else if (c.acks == null || !h.boot().equals(c.helloBoot)) {
      c.acks = c.new AckStream(); // #ack numbers refer to this boot
    }
    c.session = s;
    c.helloBoot = h.boot();
    if (old != s) {
      record(c, s, now, "connect", "identified by hello"); // the hello line below says it on the console
    }
    event(c, s, now, "hello", "fw=" + h.firmware() + " boot=" + h.boot() + " ack=" + (h.wantsAck() ? 1 : 0), true);
    if (reboot) {
      counters.add(Counter.REBOOTS, 1);
      event(c, s, now, "reboot", "boot " + oldBoot + " -> " + h.boot(), true);
    }
    if (previous != null) {
      counters.add(Counter.TAKEOVERS, 1);
      event(c, s, now, "takeover", "closing its older connection from " + previous.peer(), true);
      previous.closeForTakeover();
    }
  }

  private void reading(Connection c, DeviceSession s, Reading r, long now) {
    ReadingVerdict verdict = s.reading(c.helloBoot, r, now);
    String boot = s.lastBoot();
    counters.readingAt(now);
    if (s.lastRebooted()) {
      counters.add(Counter.REBOOTS, 1);
      event(c, s, now, "reboot", "boot " + boot + ": seq and millis both went backwards", true);
    }
    switch (verdict) {
      case NEW -> {
        long gap = s.lastGap();
        if (gap > 0) {
          counters.add(Counter.GAPS, gap);
        }
        batch.addReading(stream(c, s, boot, now), r, now);
      }
      case LATE -> {
        counters.add(Counter.GAPS, -1);
        batch.addReading(stream(c, s, boot, now), r, now);
      }
      case DUPLICATE -> counters.add(Counter.DUPLICATES, 1);
    }
    if (c.acks != null) {
      batch.addAck(c.acks, r.seq());
      c.acks.queued(r.seq());
    }
    if (output.verbose()) {
      output.reading(now, s.id(), boot, c.peer, r, verdict == ReadingVerdict.DUPLICATE);
    }
  }

  private void malformed(Connection c, DeviceSession s, Malformed m, long now) {
    s.malformed(m, now);
    counters.countMalformed(m.error());
    if (now - c.badWindowStart >= 1000) {
      reportSuppressed(c, now);
      c.badWindowStart = now;
      c.badInWindow = 0;
    }
    if (c.badInWindow < REPORTS_PER_SECOND) {
      c.badInWindow++;
      output.badLine(now, s.id(), c.peer, m);
    } else {
      c.badSuppressed++;
    }
  }

  private void reportSuppressed(Connection c, long now) {
    if (c.badSuppressed > 0) {
      output.notice(now, c.session != null ? c.session.id() : null, c.peer, c.badSuppressed
          + " more bad lines not shown (all counted; at most " + REPORTS_PER_SECOND + " a second are printed per connection)");
      c.badSuppressed = 0;
    }
  }

  /** The stream of (device, boot, connection) a reading is stored under; a new one is recorded on change. */
  private long stream(Connection c, DeviceSession s, String boot, long now) {
    if (c.streamSession == s && (c.streamBoot == boot || boot.equals(c.streamBoot))) {
      return c.streamId;
    }
    long id = store.nextStreamId();
    batch.addStream(new StreamRecord(id, s.id(), s.identifiedBy(), boot, c.peer, now));
    c.streamSession = s;
    c.streamBoot = boot;
    c.streamId = id;
    return id;
  }

  /** Prints a session event and, if {@code store}, keeps it in the store. */
  private void event(Connection c, DeviceSession s, long now, String kind, String detail, boolean store) {
    output.event(now, s != null ? s.id() : null, c.peer, kind, detail);
    if (store) {
      record(c, s, now, kind, detail);
    }
  }

  /** Keeps a session event in the store only. */
  private void record(Connection c, DeviceSession s, long now, String kind, String detail) {
    batch.addEvent(new SessionEvent(now, s != null ? s.id() : null, c.peer, kind, detail));
  }
}
