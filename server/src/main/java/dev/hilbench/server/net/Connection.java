package dev.hilbench.server.net;

import dev.hilbench.protocol.LineFramer;
import dev.hilbench.server.session.DeviceLink;
import dev.hilbench.server.session.DeviceSession;
import dev.hilbench.server.store.AckTarget;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One TCP connection from a node. Everything here belongs to the connection's
 * {@link SelectorLoop} thread, except the entry points other threads call:
 * {@link AckStream#acknowledged} (the store) and {@link #closeForTakeover} (another connection).
 *
 * <p>Kept small on purpose (19,000 idle connections must fit in a modest heap): the framer's
 * buffer and the acknowledgement buffer are allocated only when needed.
 */
final class Connection implements DeviceLink {

  private static final VarHandle ACK_QUEUED;

  static {
    try {
      ACK_QUEUED = MethodHandles.lookup().findVarHandle(Connection.class, "ackQueued", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final SocketChannel channel;
  final SelectorLoop loop;
  final LineFramer framer;
  final String ip;
  final String peer;
  SelectionKey key;
  long lastActivityNanos;
  boolean parked;              // not reading because the store is saturated
  boolean draining;            // the node closed its side; waiting to send the last acknowledgements
  boolean closed;

  // The device this connection delivers for, set by the first line (see LineProcessor).
  DeviceSession session;
  String helloBoot;            // null without hello
  AckStream acks;              // null unless the hello asked for acknowledgements

  // The stream (device, boot, this connection) the latest reading was stored under.
  DeviceSession streamSession;
  String streamBoot;
  long streamId;

  // Bad-line reports: at most BadLineReports.PER_SECOND a second are printed, the rest counted.
  long badWindowStart;
  int badInWindow;
  long badSuppressed;

  // Acknowledgements: queued once for the loop thread however many the store reports meanwhile.
  @SuppressWarnings("unused") private volatile int ackQueued;
  private ByteBuffer ackOut;

  Connection(SocketChannel channel, SelectorLoop loop, int maxLineLength, String ip, String peer) {
    this.channel = channel;
    this.loop = loop;
    this.framer = new LineFramer(maxLineLength);
    this.ip = ip;
    this.peer = peer;
  }

  @Override
  public String peer() {
    return peer;
  }

  @Override
  public void closeForTakeover() {
    loop.execute(() -> loop.close(this, CloseReason.TAKEOVER));
  }

  /**
   * The acknowledgements of one boot on this connection ({@code #ack} numbers refer to the boot
   * the node announced). A node that announced another boot on the same connection gets a new
   * stream, and whatever the store still reports for the old one is dropped.
   */
  final class AckStream implements AckTarget {
    private volatile long committed = -1;   // highest seq the store reported safe (store thread writes)
    private volatile boolean pending;       // reported since the last #ack was written
    private long queued = -1;               // highest seq handed to the store (loop thread)
    private long written = -1;              // the last #ack written (loop thread)

    /** A reading of this stream goes to the store for acknowledgement (loop thread). */
    void queued(long seq) {
      queued = Math.max(queued, seq);
    }

    /**
     * From the store's thread: everything up to {@code seq} is committed. Each report is answered
     * with an {@code #ack} of the highest seq so far, even if a resend brought nothing higher: the
     * node that resent is waiting for it.
     */
    @Override
    public void acknowledged(long seq) {
      long c;
      while (seq > (c = committed)) {
        if (COMMITTED.compareAndSet(this, c, seq)) {
          break;
        }
      }
      pending = true;
      if (ACK_QUEUED.compareAndSet(Connection.this, 0, 1)) {
        loop.queueAck(Connection.this);
      }
    }
  }

  private static final VarHandle COMMITTED;

  static {
    try {
      COMMITTED = MethodHandles.lookup().findVarHandle(AckStream.class, "committed", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /**
   * Writes pending acknowledgements without blocking (loop thread). What the socket does not take
   * now is finished when it becomes writable; acknowledgements are cumulative, so one line carries
   * all reported meanwhile.
   */
  void writeAcks() throws IOException {
    ACK_QUEUED.setVolatile(this, 0);
    AckStream a = acks;
    if (closed || a == null) {
      return;
    }
    if (ackOut == null) {
      ackOut = ByteBuffer.allocate(24).flip();
    }
    while (true) {
      if (ackOut.hasRemaining()) {
        channel.write(ackOut);
        if (ackOut.hasRemaining()) {
          interestInWrite(true);
          return;
        }
      }
      if (!a.pending) {
        interestInWrite(false);
        return;
      }
      a.pending = false;
      long seq = a.committed;
      encodeAck(seq);
      a.written = Math.max(a.written, seq);
    }
  }

  /** Whether everything handed to the store for acknowledgement has been acknowledged. */
  boolean acksDone() {
    AckStream a = acks;
    return a == null || (a.written >= a.queued && !a.pending && (ackOut == null || !ackOut.hasRemaining()));
  }

  private void encodeAck(long seq) {
    ackOut.clear();
    ackOut.put((byte) '#').put((byte) 'a').put((byte) 'c').put((byte) 'k').put((byte) ' ');
    String digits = Long.toString(seq);
    for (int i = 0; i < digits.length(); i++) {
      ackOut.put((byte) digits.charAt(i));
    }
    ackOut.put((byte) '\n').flip();
  }

  private void interestInWrite(boolean on) {
    if (key == null || !key.isValid()) {
      return;
    }
    int ops = key.interestOps();
    int wanted = on ? ops | SelectionKey.OP_WRITE : ops & ~SelectionKey.OP_WRITE;
    if (wanted != ops) {
      key.interestOps(wanted);
    }
  }

  @Override
  public String toString() {
    return peer + (session != null ? " (" + session.id() + ")" : "");
  }
}
