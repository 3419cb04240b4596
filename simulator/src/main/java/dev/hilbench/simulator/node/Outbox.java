package dev.hilbench.simulator.node;

import dev.hilbench.simulator.DeliveryMode;
import dev.hilbench.simulator.ledger.BootLedger;
import dev.hilbench.simulator.ledger.Fate;

/**
 * What a node holds on the way out, by its delivery mode, and the fate each reading gets when
 * it leaves: written whole (sent), acknowledged, pushed out of the full ring, lost with the
 * connection, the Wi-Fi or the RAM. The node decides when; this decides what becomes of which
 * reading. Entries are handed to a connection in order; the bytes the connection wrote say which
 * of them went out whole.
 */
final class Outbox {

  /** Where the outbox writes: the node's current connection, through its faults. */
  interface Connection {
    /** Bytes handed to this connection so far. */
    long queued();

    /** Hands bytes over; false once the connection is closing (nothing more may follow). */
    boolean send(byte[] bytes);
  }

  private final DeliveryMode mode;
  private final int capacity;
  private final FleetCounters counters;
  private BootLedger ledger;
  private ReadingRing ring;
  private int cursor; // entries [0, cursor) are handed to the current connection

  Outbox(DeliveryMode mode, int capacity, FleetCounters counters) {
    this.mode = mode;
    this.capacity = capacity;
    this.counters = counters;
  }

  /** A new boot: its readings go to this ledger. */
  void boot(BootLedger l) {
    this.ledger = l;
  }

  boolean isEmpty() {
    return ring == null || ring.isEmpty();
  }

  /** Whether some entry is not yet handed to the current connection. */
  boolean hasUnhanded() {
    return ring != null && cursor < ring.size();
  }

  /**
   * A reading to send ({@code bytes} with its terminator, mangled or not).
   *
   * @param connected whether the node believes it has a connection
   * @param silent    whether the Wi-Fi is gone (the node does not know)
   */
  void offer(long seq, byte[] bytes, boolean mangled, boolean connected, boolean silent) {
    if (mode == DeliveryMode.CLASSROOM && !connected) {
      ledger.add(seq, Fate.OFFLINE); // client.connected() is false: the sketch prints nothing
      return;
    }
    byte flag = mangled ? ReadingRing.MANGLED : 0;
    if (silent && connected && mode != DeliveryMode.ACKNOWLEDGED) {
      flag |= ReadingRing.SILENT; // println succeeds into lwIP; whether it ever leaves depends on the link
    }
    if (ring == null) {
      ring = new ReadingRing(capacity);
    }
    if (ring.full() && !evictOne()) {
      ledger.add(seq, Fate.OVERFLOW); // everything buffered is already on its way: this one has no room
      return;
    }
    ledger.add(seq, Fate.PENDING);
    ring.add(seq, bytes, flag);
  }

  /**
   * Makes room by dropping the oldest entry that can be dropped: in acknowledged mode the oldest
   * of all (if it was written it may well be stored: unacked); otherwise the oldest not yet handed
   * to the connection, since a handed one will still be written.
   */
  private boolean evictOne() {
    int k = mode == DeliveryMode.ACKNOWLEDGED ? 0 : cursor;
    if (k >= ring.size()) {
      return false;
    }
    ledger.set(ring.seq(k), leftUnacknowledged(k, Fate.OVERFLOW));
    if (k == 0) {
      ring.removeHead();
      if (cursor > 0) {
        cursor--;
      }
    } else {
      ring.removeIf(i -> i == k);
    }
    return true;
  }

  /** Hands the entries not yet on the connection to it, one write each or all in one. */
  void handTo(Connection c, boolean asOneWrite) {
    boolean ack = mode == DeliveryMode.ACKNOWLEDGED;
    int n = ring.size();
    int from = cursor;
    if (asOneWrite && n - from > 1) {
      int total = 0;
      for (int k = from; k < n; k++) {
        total += skip(k, ack) ? 0 : ring.line(k).length;
      }
      byte[] all = new byte[total];
      int at = 0;
      long base = c.queued();
      for (int k = from; k < n; k++) {
        if (!skip(k, ack)) {
          byte[] l = ring.line(k);
          System.arraycopy(l, 0, all, at, l.length);
          at += l.length;
          ring.end(k, base + at);
          noteQueued(k, ack);
        }
      }
      cursor = n;
      c.send(all);
      return;
    }
    boolean open = true;
    for (int k = from; k < n && open; k++) {
      cursor = k + 1;
      if (skip(k, ack)) {
        continue;
      }
      ring.end(k, c.queued() + ring.line(k).length);
      noteQueued(k, ack);
      open = c.send(ring.line(k));
    }
  }

  /** A mangled line written once is not sent again: the firmware does not know it was bad. */
  private boolean skip(int k, boolean ack) {
    return ack && ring.has(k, ReadingRing.MANGLED) && ring.has(k, ReadingRing.WRITTEN);
  }

  private void noteQueued(int k, boolean ack) {
    if (ack && ring.has(k, ReadingRing.QUEUED)) {
      ledger.resent();
    }
    ring.mark(k, ReadingRing.QUEUED);
  }

  /** The {@code timeout} fault: whatever is written vanishes; only acknowledged mode keeps it. */
  void swallow() {
    if (mode == DeliveryMode.ACKNOWLEDGED) {
      for (int k = cursor; k < ring.size(); k++) {
        noteQueued(k, true);
      }
      cursor = ring.size();
      return;
    }
    int from = cursor;
    for (int k = from; k < ring.size(); k++) {
      ledger.set(ring.seq(k), Fate.SILENCED);
    }
    ring.removeIf(k -> k >= from);
  }

  /** {@code total} bytes of the current connection are in the kernel: the lines within are sent. */
  void written(long total) {
    if (ring == null) {
      return;
    }
    if (mode != DeliveryMode.ACKNOWLEDGED) {
      while (cursor > 0 && ring.end(0) >= 0 && ring.end(0) <= total) {
        boolean mangled = ring.has(0, ReadingRing.MANGLED);
        ledger.set(ring.seq(0), mangled ? Fate.MANGLED : Fate.SENT);
        (mangled ? counters.mangled : counters.sent).increment();
        ring.removeHead();
        cursor--;
      }
      return;
    }
    for (int k = 0; k < cursor; k++) {
      long end = ring.end(k);
      if (end >= 0 && end <= total && !ring.has(k, ReadingRing.WRITTEN)) {
        ring.mark(k, ReadingRing.WRITTEN);
        boolean mangled = ring.has(k, ReadingRing.MANGLED);
        if (mangled) {
          ledger.set(ring.seq(k), Fate.MANGLED);
        }
        (mangled ? counters.mangled : counters.sent).increment();
      }
    }
  }

  /** {@code #ack seq}: every reading of this boot up to seq is stored. */
  void acknowledged(long seq) {
    while (ring != null && !ring.isEmpty() && ring.seq(0) <= seq) {
      if (!ring.has(0, ReadingRing.MANGLED)) {
        ledger.set(ring.seq(0), Fate.ACKED);
        counters.acked.increment();
      }
      ring.removeHead();
      if (cursor > 0) {
        cursor--;
      }
    }
  }

  /** A new connection: nothing is on it yet. */
  void connectionOpened() {
    if (ring != null) {
      ring.clearEnds();
    }
    cursor = 0;
  }

  /**
   * The connection is gone. Classroom keeps nothing; buffered keeps what it could not write,
   * except what it "wrote" into a dead Wi-Fi; acknowledged keeps everything not acknowledged.
   */
  void connectionLost() {
    if (ring != null) {
      switch (mode) {
        case CLASSROOM -> settle(k -> ring.has(k, ReadingRing.SILENT) ? Fate.SILENCED : Fate.CUT);
        case BUFFERED -> {
          for (int k = 0; k < ring.size(); k++) {
            if (ring.has(k, ReadingRing.SILENT)) {
              ledger.set(ring.seq(k), Fate.SILENCED);
            }
          }
          ring.removeIf(k -> ring.has(k, ReadingRing.SILENT));
        }
        case ACKNOWLEDGED -> { }
      }
      ring.clearEnds();
    }
    cursor = 0;
  }

  /** The Wi-Fi came back and the connection survived: what waited in lwIP goes out now. */
  void silenceSurvived() {
    if (ring != null) {
      for (int k = 0; k < ring.size(); k++) {
        ring.unmark(k, ReadingRing.SILENT);
      }
    }
  }

  /** The node rebooted: RAM is gone; only what was written may have reached the server. */
  void lostRam() {
    settle(k -> leftUnacknowledged(k, Fate.REBOOT));
  }

  /** The run is over: what is still here was never sent, or never acknowledged. */
  void finish() {
    settle(k -> leftUnacknowledged(k, Fate.UNSENT));
  }

  /** The fate of an entry that leaves without an acknowledgement. */
  private Fate leftUnacknowledged(int k, Fate ifNeverWritten) {
    if (!ring.has(k, ReadingRing.WRITTEN)) {
      return ifNeverWritten;
    }
    return ring.has(k, ReadingRing.MANGLED) ? Fate.MANGLED : Fate.UNACKED;
  }

  private interface FateOf {
    Fate of(int k);
  }

  /** Gives every entry its final fate and empties the ring. */
  private void settle(FateOf fate) {
    if (ring != null) {
      for (int k = 0; k < ring.size(); k++) {
        ledger.set(ring.seq(k), fate.of(k));
      }
      ring.clear();
    }
    cursor = 0;
  }
}
