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
 * {@link SelectorLoop} thread, except the two entry points other threads call:
 * {@link #acknowledged} (the store) and {@link #closeForTakeover} (another connection).
 *
 * <p>Kept small on purpose (19,000 idle connections must fit in a modest heap): the framer's
 * buffer and the acknowledgement buffer are allocated only when needed.
 */
final class Connection implements DeviceLink, AckTarget {

  private static final VarHandle ACK_REQUESTED;
  private static final VarHandle ACK_QUEUED;

  static {
    try {
      MethodHandles.Lookup l = MethodHandles.lookup();
      ACK_REQUESTED = l.findVarHandle(Connection.class, "ackRequested", long.class);
      ACK_QUEUED = l.findVarHandle(Connection.class, "ackQueued", int.class);
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
  boolean wantsAck;
  long maxAckQueued = -1;      // highest seq handed to the store for acknowledgement

  // The stream (device, boot, this connection) the latest reading was stored under.
  DeviceSession streamSession;
  String streamBoot;
  long streamId;

  // Bad-line reports: at most BadLineReports.PER_SECOND a second are printed, the rest counted.
  long badWindowStart;
  int badInWindow;
  long badSuppressed;

  // Acknowledgements: the store raises ackRequested, the loop thread writes it out.
  @SuppressWarnings("unused") private volatile long ackRequested = -1;
  @SuppressWarnings("unused") private volatile int ackQueued;
  private long ackSent = -1;
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

  /** From the store's thread: everything up to {@code seq} is committed. Queues one write, however many calls. */
  @Override
  public void acknowledged(long seq) {
    long current;
    do {
      current = (long) ACK_REQUESTED.getVolatile(this);
    } while (seq > current && !ACK_REQUESTED.compareAndSet(this, current, seq));
    if (ACK_QUEUED.compareAndSet(this, 0, 1)) {
      loop.queueAck(this);
    }
  }

  /**
   * Writes the latest acknowledgement without blocking (loop thread). What the socket does not
   * take now is finished when it becomes writable; acknowledgements are cumulative, so a newer
   * one simply replaces any not yet started.
   */
  void writeAcks() throws IOException {
    ACK_QUEUED.setVolatile(this, 0);
    if (closed) {
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
      long want = (long) ACK_REQUESTED.getVolatile(this);
      if (want <= ackSent) {
        interestInWrite(false);
        return;
      }
      encodeAck(want);
      ackSent = want;
    }
  }

  /** Whether everything handed to the store for acknowledgement has been acknowledged. */
  boolean acksDone() {
    return ackSent >= maxAckQueued && (ackOut == null || !ackOut.hasRemaining());
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
