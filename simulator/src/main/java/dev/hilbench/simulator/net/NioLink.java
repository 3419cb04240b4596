package dev.hilbench.simulator.net;

import dev.hilbench.protocol.LineFramer;
import dev.hilbench.simulator.fault.LinkPlan;
import dev.hilbench.simulator.node.Link;
import dev.hilbench.simulator.node.NodeHost;
import dev.hilbench.simulator.node.SimNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;

/**
 * A node's TCP connection over a non-blocking socket: connects (with a timeout), writes queued
 * pieces when they are due, reads the server's lines and notices when the server goes.
 *
 * <p>Callbacks into the node never happen inside a call the node made (they are posted to the
 * loop), so a node never sees its own state change under its feet, with one documented
 * exception: {@link #resumeReading()}.
 */
final class NioLink implements Link, LineFramer.Sink {

  private record Piece(ByteBuffer bytes, long releaseAt) {}

  private final EventLoop loop;
  private SimNode node;             // null once orphaned
  private SocketChannel channel;
  private SelectionKey key;
  private ArrayDeque<Piece> queue;
  private long written;
  private long unwritten;
  private boolean connected, closed, paused, pumpScheduled;
  private Close closeWhenDrained;
  private NodeHost.Timer connectTimer, releaseTimer;
  private long releaseTimerAt;

  NioLink(EventLoop loop, SimNode node) {
    this.loop = loop;
    this.node = node;
  }

  void start(LinkPlan plan, long timeoutNanos, InetAddress source, InetSocketAddress server) {
    connectTimer = loop.schedule(timeoutNanos, () -> failConnect(true));
    // Opened from the loop, never inside the node's call: the node must hold this link first.
    loop.schedule(plan.connectDelayMillis() * 1_000_000L, () -> open(source, server));
  }

  private void open(InetAddress source, InetSocketAddress server) {
    if (closed) {
      return;
    }
    try {
      channel = SocketChannel.open();
      channel.configureBlocking(false);
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true); // a line is a write, as lwIP sends it
      if (source != null) {
        channel.bind(new InetSocketAddress(source, 0));
      }
      key = channel.register(loop.selector(), SelectionKey.OP_CONNECT, this);
      if (channel.connect(server)) {
        connected();
      }
    } catch (IOException e) {
      failConnect(false);
    }
  }

  void ready(SelectionKey k) {
    if (!k.isValid()) {
      return;
    }
    if (k.isConnectable()) {
      try {
        if (channel.finishConnect()) {
          connected();
        }
      } catch (IOException e) {
        failConnect(false);
      }
      return;
    }
    if (k.isReadable()) {
      read();
    }
    if (!closed && k.isValid() && k.isWritable()) {
      pump();
    }
  }

  private void connected() {
    cancel(connectTimer);
    connected = true;
    interest();
    node.onConnected(this);
  }

  private void failConnect(boolean timedOut) {
    if (closed || connected) {
      return;
    }
    shut(false);
    node.onConnectFailed(this, timedOut);
  }

  // ---- writing ----

  @Override
  public void send(byte[] bytes, long releaseAtNanos) {
    if (closed || closeWhenDrained != null) {
      return;
    }
    if (queue == null) {
      queue = new ArrayDeque<>(4);
    }
    queue.add(new Piece(ByteBuffer.wrap(bytes), releaseAtNanos));
    unwritten += bytes.length;
    schedulePump();
  }

  private void schedulePump() {
    if (!pumpScheduled) {
      pumpScheduled = true;
      loop.schedule(0, () -> {
        pumpScheduled = false;
        pump();
      });
    }
  }

  /** Writes due pieces until the socket is full or the next piece is not due yet. */
  private void pump() {
    if (closed || paused || !connected) {
      return;
    }
    long before = written;
    try {
      while (queue != null && !queue.isEmpty()) {
        Piece p = queue.peek();
        long now = System.nanoTime();
        if (p.releaseAt > now) {
          if (releaseTimer == null || releaseTimerAt != p.releaseAt) {
            cancel(releaseTimer);
            releaseTimerAt = p.releaseAt;
            releaseTimer = loop.schedule(p.releaseAt - now, () -> {
              releaseTimer = null;
              pump();
            });
          }
          break;
        }
        int n = channel.write(p.bytes);
        written += n;
        unwritten -= n;
        if (p.bytes.hasRemaining()) {
          break; // the kernel buffer is full: OP_WRITE tells us when there is room
        }
        queue.poll();
      }
    } catch (IOException e) {
      peerGone();
      return;
    }
    interest();
    if (written > before) {
      loop.counters().bytesWritten.add(written - before);
      node.onWritten(this, written);
    }
    if (closeWhenDrained != null && (queue == null || queue.isEmpty()) && !closed) {
      Close how = closeWhenDrained;
      shut(how == Close.RST);
      node.onClosed(this, how == Close.RST);
    }
  }

  @Override
  public long unwrittenBytes() {
    return unwritten;
  }

  // ---- reading ----

  private void read() {
    try {
      while (!closed) {
        loop.readBuffer.clear();
        int n = channel.read(loop.readBuffer);
        if (n > 0) {
          if (node != null) {
            node.framer().feed(loop.readArray, 0, n, this);
          }
          continue;
        }
        if (n < 0) {
          peerGone();
        }
        return;
      }
    } catch (IOException e) {
      peerGone(); // reset by the server
    }
  }

  @Override
  public void line(byte[] buf, int off, int len) {
    if (node != null && !closed) {
      node.onLine(this, buf, off, len);
    }
  }

  @Override
  public void oversize(byte[] head, int off, int len) {
    loop.counters().unexpectedLines.increment();
  }

  @Override
  public void truncated(byte[] buf, int off, int len) {
    loop.counters().unexpectedLines.increment();
  }

  /** The server closed or reset the connection. */
  private void peerGone() {
    if (closed) {
      return;
    }
    shut(false);
    if (node == null) {
      loop.orphanClosed(this);
    } else {
      node.onClosed(this, true);
    }
  }

  // ---- pausing and closing ----

  @Override
  public void pauseReading() {
    paused = true;
    interest();
  }

  @Override
  public void resumeReading() {
    paused = false;
    if (closed) {
      return;
    }
    interest();
    read();
    if (!closed) {
      schedulePump();
    }
  }

  @Override
  public void close(Close how, boolean afterQueued) {
    if (closed) {
      return;
    }
    if (afterQueued) {
      closeWhenDrained = how;
      schedulePump(); // the close happens, and is reported, from the loop
      return;
    }
    if (how == Close.ORPHAN && connected) {
      // The node forgets this connection; the socket lingers, silent, until the server closes it.
      node = null;
      queue = null;
      cancel(releaseTimer);
      paused = false;
      loop.orphaned(this);
      interest();
      return;
    }
    shut(how == Close.RST);
  }

  private void interest() {
    if (key == null || !key.isValid() || !connected) {
      return;
    }
    int ops = paused ? 0 : SelectionKey.OP_READ;
    if (!paused && queue != null && !queue.isEmpty() && queue.peek().releaseAt <= System.nanoTime()) {
      ops |= SelectionKey.OP_WRITE;
    }
    key.interestOps(ops);
  }

  private void shut(boolean reset) {
    closed = true;
    cancel(connectTimer);
    cancel(releaseTimer);
    queue = null;
    if (key != null) {
      key.cancel();
    }
    if (channel != null) {
      try {
        if (reset && channel.isOpen()) {
          channel.setOption(StandardSocketOptions.SO_LINGER, 0); // close sends RST, not FIN
        }
        channel.close();
      } catch (IOException e) {
        loop.fail(e);
      }
    }
  }

  private static void cancel(NodeHost.Timer t) {
    if (t != null) {
      t.cancel();
    }
  }
}
