package dev.hilbench.server.net;

import dev.hilbench.protocol.Line;
import dev.hilbench.server.net.LoopCounters.Counter;
import dev.hilbench.server.output.Output;
import dev.hilbench.server.output.Problems;
import dev.hilbench.server.session.SessionRegistry;
import dev.hilbench.server.store.StorePipeline;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One connection thread: a selector over non-blocking connections, one per core.
 *
 * <p>Each iteration it reads once from every readable connection (one read of up to
 * {@value #READ_BUFFER} bytes, so a bulk sender cannot starve the others), frames and decodes the
 * bytes, applies the lines, then hands its batch to the store and its text to the console. While
 * the store is saturated it does not read: readable connections are parked (read interest off)
 * until the store resumes, and the nodes' TCP windows fill. It also writes acknowledgements, and
 * closes connections silent for longer than the idle timeout (parked ones excepted: their silence
 * is ours).
 *
 * <p>Other threads talk to it only through {@link #execute} and {@link #queueAck}.
 */
public final class SelectorLoop {

  static final int READ_BUFFER = 64 * 1024;

  private final Selector selector;
  private final Thread thread;
  private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Connection> acks = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean wakeupPending = new AtomicBoolean();
  private final ByteBuffer buffer = ByteBuffer.allocate(READ_BUFFER);
  private final List<Line> lines = new ArrayList<>();
  private final LineCollector collector;
  private final LineProcessor processor;
  private final Output output;
  private final StorePipeline store;
  private final LoopCounters counters = new LoopCounters();
  private final ServerCounters serverCounters;
  private final Problems problems;
  private final List<Connection> parked = new ArrayList<>();
  private final int maxLineLength;
  private final long idleTimeoutNanos;
  private final long tickNanos;
  private final CompletableFuture<Void> stopped = new CompletableFuture<>();
  private long nextTick;
  private boolean reading = true;    // false once shutdown began: nothing more is read
  private boolean running = true;

  public SelectorLoop(int index, SessionRegistry registry, StorePipeline store, Output output,
      ServerCounters serverCounters, Problems problems, int maxLineLength, Duration idleTimeout) throws IOException {
    this.selector = Selector.open();
    this.store = store;
    this.output = output;
    this.serverCounters = serverCounters;
    this.problems = problems;
    this.maxLineLength = maxLineLength;
    this.collector = new LineCollector(lines, maxLineLength);
    this.processor = new LineProcessor(registry, store, output, counters);
    this.idleTimeoutNanos = idleTimeout.toNanos();
    // Check for silent connections often enough that one is closed within a quarter of the
    // timeout after it expires, but not more than a few times a second.
    this.tickNanos = idleTimeoutNanos == 0 ? TimeUnit.SECONDS.toNanos(1)
        : Math.clamp(idleTimeoutNanos / 4, TimeUnit.MILLISECONDS.toNanos(10), TimeUnit.SECONDS.toNanos(1));
    this.thread = new Thread(this::run, "hilbench-conn-" + index);
  }

  public void start() {
    nextTick = System.nanoTime() + tickNanos;
    thread.start();
  }

  public LoopCounters counters() {
    return counters;
  }

  /** Runs {@code task} on this loop's thread, soon. Any thread. */
  public void execute(Runnable task) {
    tasks.add(task);
    if (Thread.currentThread() != thread && wakeupPending.compareAndSet(false, true)) {
      selector.wakeup();
    }
  }

  /** Takes over a freshly accepted connection (counted as open already). Any thread. */
  public void adopt(SocketChannel channel) {
    execute(() -> register(channel));
  }

  /** Reads again if the store has room: called by the store when it does. Any thread. */
  public void resumeReads() {
    execute(() -> { });
  }

  /** Stops reading, applies what was read, hands it to the store. Completes on the loop's thread. */
  public CompletableFuture<Void> stopReading() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    execute(() -> {
      reading = false;
      for (SelectionKey k : selector.keys()) {
        if (k.isValid()) {
          k.interestOps(k.interestOps() & ~SelectionKey.OP_READ);
        }
      }
      parked.clear();
      processor.flush();
      output.flush();
      done.complete(null);
    });
    return eitherOrStopped(done);
  }

  /** Sends the acknowledgements queued so far, closes every connection and ends the thread. */
  public CompletableFuture<Void> closeAll() {
    execute(() -> {
      writeQueuedAcks();
      for (SelectionKey k : selector.keys()) {
        if (k.attachment() instanceof Connection c) {
          close(c, CloseReason.SHUTDOWN);
        }
      }
      processor.flush();
      output.flush();
      running = false;
    });
    return stopped;
  }

  /** Completes with {@code done}, or when the thread has ended (a dead loop runs no more tasks). */
  private CompletableFuture<Void> eitherOrStopped(CompletableFuture<Void> done) {
    return CompletableFuture.anyOf(done, stopped).thenApply(ignored -> null);
  }

  void queueAck(Connection c) {
    acks.add(c);
    if (Thread.currentThread() != thread && wakeupPending.compareAndSet(false, true)) {
      selector.wakeup();
    }
  }

  private void run() {
    try {
      while (running) {
        long timeoutMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(nextTick - System.nanoTime()));
        selector.select(this::ready, timeoutMillis);
        wakeupPending.set(false); // before draining, so that a task added now wakes the next select
        runTasks();
        if (!parked.isEmpty() && !store.saturated()) {
          resumeParked();
        }
        processor.flush();
        writeQueuedAcks(); // after the flush: without storage, the flush itself acknowledges
        output.flush();
        long now = System.nanoTime();
        if (now - nextTick >= 0) {
          nextTick = now + tickNanos;
          closeIdle(now);
        }
      }
    } catch (IOException | RuntimeException | Error e) {
      problems.report("connection thread " + thread.getName() + " stopped; its connections are closed", e);
      for (SelectionKey k : selector.keys()) {
        if (k.attachment() instanceof Connection c) {
          close(c, CloseReason.ERROR);
        }
      }
      processor.flush();
      output.flush();
    } finally {
      try {
        selector.close();
      } catch (IOException e) {
        problems.report("cannot close a selector: " + e.getMessage());
      }
      stopped.complete(null);
    }
  }

  private void runTasks() {
    Runnable task;
    while ((task = tasks.poll()) != null) {
      task.run();
    }
  }

  private void ready(SelectionKey key) {
    Connection c = (Connection) key.attachment();
    try {
      if (!key.isValid()) {
        return;
      }
      if (key.isWritable()) {
        c.writeAcks();
        if (c.draining && c.acksDone()) {
          close(c, CloseReason.EOF);
          return;
        }
      }
      if (key.isValid() && key.isReadable() && reading) {
        if (store.saturated()) {
          park(c);
        } else {
          read(c);
        }
      }
    } catch (IOException e) {
      close(c, CloseReason.RESET);
    } catch (RuntimeException e) {
      problems.report("internal error on the connection from " + c + "; closing it", e);
      close(c, CloseReason.ERROR);
    }
  }

  private void read(Connection c) throws IOException {
    buffer.clear();
    int n;
    try {
      n = c.channel.read(buffer);
    } catch (IOException e) {
      // A reset: what was read of an unfinished line is reported as truncated.
      long now = System.currentTimeMillis();
      c.framer.endOfStream(collector);
      applyLines(c, now);
      close(c, CloseReason.RESET);
      return;
    }
    long now = System.currentTimeMillis();
    if (n > 0) {
      c.lastActivityNanos = System.nanoTime();
      counters.add(Counter.BYTES_READ, n);
      c.framer.feed(buffer.array(), 0, n, collector);
      applyLines(c, now);
      if (processor.batchFull()) {
        processor.flush();
      }
    } else if (n < 0) {
      c.framer.endOfStream(collector);
      applyLines(c, now);
      endOfStream(c);
    }
  }

  private void applyLines(Connection c, long now) {
    if (!lines.isEmpty()) {
      try {
        processor.apply(c, lines, now);
      } finally {
        lines.clear();
      }
    }
  }

  /**
   * The node closed its side. If it still awaits acknowledgements (a node may send its last
   * readings, shut down its output and wait for the acks), keep the connection open, not reading,
   * until they are sent; the idle timeout bounds the wait.
   */
  private void endOfStream(Connection c) throws IOException {
    processor.flush();
    if (c.acksDone()) {
      close(c, CloseReason.EOF);
      return;
    }
    c.draining = true;
    c.lastActivityNanos = System.nanoTime();
    c.key.interestOps(c.key.interestOps() & ~SelectionKey.OP_READ);
  }

  private void writeQueuedAcks() {
    Connection c;
    while ((c = acks.poll()) != null) {
      try {
        c.writeAcks();
        if (c.draining && c.acksDone()) {
          close(c, CloseReason.EOF);
        }
      } catch (IOException e) {
        close(c, CloseReason.RESET);
      }
    }
  }

  private void park(Connection c) {
    if (parked.isEmpty()) {
      counters.add(Counter.READ_PAUSES, 1);
    }
    c.parked = true;
    c.key.interestOps(c.key.interestOps() & ~SelectionKey.OP_READ);
    parked.add(c);
  }

  private void resumeParked() {
    long now = System.nanoTime();
    for (Connection c : parked) {
      if (!c.closed && c.key.isValid()) {
        c.parked = false;
        c.lastActivityNanos = now; // the silence while parked was ours, not the node's
        c.key.interestOps(c.key.interestOps() | SelectionKey.OP_READ);
      }
    }
    parked.clear();
  }

  private void closeIdle(long now) {
    if (idleTimeoutNanos == 0) {
      return;
    }
    for (SelectionKey k : selector.keys()) {
      if (k.attachment() instanceof Connection c && !c.closed && !c.parked
          && now - c.lastActivityNanos > idleTimeoutNanos) {
        close(c, c.draining ? CloseReason.EOF : CloseReason.IDLE_TIMEOUT);
      }
    }
  }

  private void register(SocketChannel channel) {
    if (!reading) {
      closeChannel(channel);
      serverCounters.closed();
      return;
    }
    String ip, peer;
    try {
      InetSocketAddress remote = (InetSocketAddress) channel.getRemoteAddress();
      ip = remote.getAddress().getHostAddress();
      peer = (ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip) + ":" + remote.getPort();
    } catch (IOException | RuntimeException e) {
      closeChannel(channel); // reset before we got to it
      serverCounters.closed();
      return;
    }
    Connection c = new Connection(channel, this, maxLineLength, ip, peer);
    try {
      c.key = channel.register(selector, SelectionKey.OP_READ, c);
    } catch (IOException e) {
      closeChannel(channel);
      serverCounters.closed();
      return;
    }
    c.lastActivityNanos = System.nanoTime();
    processor.accepted(c, System.currentTimeMillis());
  }

  /** Closes a connection (loop thread); idempotent. */
  void close(Connection c, CloseReason reason) {
    if (c.closed) {
      return;
    }
    c.closed = true;
    c.key.cancel();
    closeChannel(c.channel);
    serverCounters.closed();
    processor.closed(c, reason, System.currentTimeMillis());
  }

  private void closeChannel(SocketChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      problems.report("cannot close a connection: " + e.getMessage());
    }
  }
}
