package dev.hilbench.simulator.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One direction of a link: a reader thread, a chain of toxic stages and a writer thread, joined
 * by bounded queues, as Toxiproxy's {@code ToxicLink}.
 *
 * <pre>
 *   source socket → reader → [input] → toxic → [queue] → toxic → [output] → writer → destination
 * </pre>
 *
 * The socket threads take no part in a rebuild, so adding a toxic never waits on a peer that
 * does not read. One lock guards all queues and flags of the direction, and one condition wakes
 * every waiter on any change: a direction has a handful of threads, so simplicity wins over
 * precise wake-ups. Nothing here interrupts a thread: interrupting a virtual thread blocked on a
 * socket closes the socket.
 */
final class Pipeline {

  /** Bytes a queue holds before its writer waits: back-pressure reaches the sender's TCP window. */
  private static final int QUEUE_BYTES = 64 * 1024;
  private static final int READ_BYTES = 16 * 1024;
  private static final Duration STAGE_STOP_LIMIT = Duration.ofSeconds(10);

  /** A toxic at work in this direction, on its own thread. */
  private record Stage(ChunkQueue in, Thread thread) {}

  private final Link link;
  private final Direction direction;
  private final Socket source;
  private final Socket destination;
  private final AtomicLong bytesIn;
  private final AtomicLong bytesOut;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ChunkQueue input = new ChunkQueue(QUEUE_BYTES);
  private final ChunkQueue output = new ChunkQueue(QUEUE_BYTES);
  private List<Stage> stages = List.of();
  private boolean stopping;
  private boolean closed;

  Pipeline(Link link, Direction direction, Socket source, Socket destination, AtomicLong bytesIn, AtomicLong bytesOut) {
    this.link = link;
    this.direction = direction;
    this.source = source;
    this.destination = destination;
    this.bytesIn = bytesIn;
    this.bytesOut = bytesOut;
  }

  /** Starts the reader, the writer and a stage for each toxic. */
  void start(List<LinkToxic> toxics) {
    lock.lock();
    try {
      stages = startStages(toxics);
    } finally {
      lock.unlock();
    }
    Thread.ofVirtual().name(threadName("reader")).start(this::readLoop);
    Thread.ofVirtual().name(threadName("writer")).start(this::writeLoop);
  }

  /**
   * Replaces the chain, as Toxiproxy does when a toxic is added or removed: the stages stop
   * (passing on what they hold), bytes caught between stages go on to the writer, having passed
   * part of the old chain, and the new chain takes the input up where the old one left it.
   * Called under the proxy's change lock, so rebuilds of one pipeline never overlap.
   */
  void rebuild(List<LinkToxic> toxics) {
    List<Stage> old;
    lock.lock();
    try {
      if (closed) {
        return;
      }
      stopping = true;
      changed.signalAll();
      old = stages;
    } finally {
      lock.unlock();
    }
    old.forEach(s -> awaitStopped(s.thread()));
    lock.lock();
    try {
      // Older bytes sit further down the chain: the last stage's input goes first.
      for (int i = old.size() - 1; i >= 1; i--) {
        ChunkQueue between = old.get(i).in();
        output.takeAll(between);
        if (between.end() == End.CLOSE || between.end() == End.RESET) {
          output.end(between.end(), between.endReason());
        }
      }
      stopping = false;
      stages = closed ? List.of() : startStages(toxics);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** The link is closing: every thread of this direction returns. */
  void shutdown() {
    lock.lock();
    try {
      closed = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  // ---- the stages ------------------------------------------------------------------------

  /** Called with the lock held. */
  private List<Stage> startStages(List<LinkToxic> toxics) {
    List<LinkToxic> chain = toxics.isEmpty() ? List.of(LinkToxic.noop()) : toxics;
    List<Stage> started = new ArrayList<>(chain.size());
    ChunkQueue in = input;
    for (int i = 0; i < chain.size(); i++) {
      LinkToxic toxic = chain.get(i);
      ChunkQueue out = i == chain.size() - 1 ? output : new ChunkQueue(QUEUE_BYTES);
      Stub stub = new Stub(this, in, out, toxic.name());
      ChunkQueue stageIn = in;
      Thread t = Thread.ofVirtual().name(threadName(toxic.name()))
          .unstarted(() -> runStage(toxic, stub, stageIn, out));
      started.add(new Stage(in, t));
      in = out;
    }
    started.forEach(s -> s.thread().start());
    return started;
  }

  private void runStage(LinkToxic toxic, Stub stub, ChunkQueue in, ChunkQueue out) {
    try {
      toxic.toxic().pipe(stub);
    } catch (RuntimeException e) {
      link.reset("toxic " + toxic.name() + " failed: " + e);
      return;
    }
    // The toxic returned because its input ended: the end goes on, unless the toxic stopped
    // for a rebuild (the next chain will see the end) or ended its output itself.
    lock.lock();
    try {
      if (!stopping && !closed && in.drainedEnd() != null) {
        out.end(in.end(), in.endReason());
        changed.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  private static void awaitStopped(Thread t) {
    boolean interrupted = false;
    long deadline = System.nanoTime() + STAGE_STOP_LIMIT.toNanos();
    try {
      while (t.isAlive()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new IllegalStateException("toxic thread " + t.getName() + " did not stop within " + STAGE_STOP_LIMIT);
        }
        try {
          t.join(Duration.ofNanos(left));
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  // ---- what a stub does (see Stub) --------------------------------------------------------

  Chunk take(ChunkQueue in, long deadlineNanos) {
    lock.lock();
    try {
      while (!stopping && !closed) {
        Chunk c = in.poll();
        if (c != null) {
          changed.signalAll();
          return c;
        }
        if (in.ended() || !awaitChange(deadlineNanos)) {
          return null;
        }
      }
      return null;
    } finally {
      lock.unlock();
    }
  }

  void put(ChunkQueue out, Chunk c) {
    lock.lock();
    try {
      // While the chain is being rebuilt, no stage waits: the queue takes more than its share.
      while (out.full() && !stopping && !closed && !out.ended()) {
        awaitChange(Stub.NEVER);
      }
      out.add(c);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  boolean sleepUntil(long deadlineNanos) {
    lock.lock();
    try {
      while (!stopping && !closed) {
        if (!awaitChange(deadlineNanos)) {
          return true;
        }
      }
      return false;
    } finally {
      lock.unlock();
    }
  }

  boolean stopping() {
    lock.lock();
    try {
      return stopping || closed;
    } finally {
      lock.unlock();
    }
  }

  End endOf(ChunkQueue in) {
    lock.lock();
    try {
      return in.drainedEnd();
    } finally {
      lock.unlock();
    }
  }

  void passEnd(ChunkQueue in, ChunkQueue out) {
    lock.lock();
    try {
      if (in.drainedEnd() != null) {
        out.end(in.end(), in.endReason());
        changed.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  void end(ChunkQueue out, End how, String reason) {
    lock.lock();
    try {
      out.end(how, reason);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Resets the link; never called with the lock held, since it takes the other direction's. */
  void reset(String reason) {
    link.reset(reason);
  }

  /**
   * Waits for a change until the deadline; false once the deadline has passed. Uninterruptible:
   * nobody interrupts these threads, and if someone does, the flag is kept for later.
   */
  private boolean awaitChange(long deadlineNanos) {
    boolean interrupted = false;
    try {
      if (deadlineNanos == Stub.NEVER) {
        changed.awaitUninterruptibly();
        return true;
      }
      long left = deadlineNanos - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      try {
        changed.awaitNanos(left);
      } catch (InterruptedException e) {
        interrupted = true;
      }
      return true;
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  // ---- the socket threads ----------------------------------------------------------------

  /** Source socket → input queue. A FIN ends the input; a reset or read error resets the link. */
  private void readLoop() {
    byte[] buffer = new byte[READ_BYTES];
    try {
      InputStream in = source.getInputStream();
      for (int n; (n = in.read(buffer)) > 0; ) {
        byte[] data = new byte[n];
        System.arraycopy(buffer, 0, data, 0, n);
        bytesIn.addAndGet(n);
        if (!offer(new Chunk(data, System.nanoTime()))) {
          return;
        }
      }
      end(input, End.FIN, direction == Direction.UPSTREAM ? "client closed" : "server closed");
    } catch (IOException e) {
      // A read fails when the link was closed under it (expected) or the peer reset it: a reset
      // travels on as a reset, behind the bytes that came before it.
      if (!link.isClosed()) {
        end(input, End.RESET, (direction == Direction.UPSTREAM ? "client" : "server") + " reset: " + e.getMessage());
      }
    }
  }

  private boolean offer(Chunk c) {
    lock.lock();
    try {
      while (input.full() && !closed) {
        awaitChange(Stub.NEVER);
      }
      if (closed) {
        return false;
      }
      input.add(c);
      changed.signalAll();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Output queue → destination socket, then the end: FIN, close or reset. */
  private void writeLoop() {
    try {
      OutputStream out = destination.getOutputStream();
      while (true) {
        Object next = nextForWriter();
        if (next == null) {
          return; // The link closed.
        }
        if (next instanceof Chunk c) {
          out.write(c.data());
          bytesOut.addAndGet(c.length());
          continue;
        }
        finish((End) next);
        return;
      }
    } catch (IOException e) {
      if (!link.isClosed()) {
        link.reset("writing to the " + (direction == Direction.UPSTREAM ? "server" : "client") + " failed: " + e.getMessage());
      }
    }
  }

  /** The next chunk, the end once the output is drained, or null if the link closed. */
  private Object nextForWriter() {
    lock.lock();
    try {
      while (!closed) {
        Chunk c = output.poll();
        if (c != null) {
          changed.signalAll();
          return c;
        }
        if (output.ended()) {
          return output.end();
        }
        awaitChange(Stub.NEVER);
      }
      return null;
    } finally {
      lock.unlock();
    }
  }

  private void finish(End end) throws IOException {
    String reason;
    lock.lock();
    try {
      reason = output.endReason();
    } finally {
      lock.unlock();
    }
    switch (end) {
      case FIN -> {
        destination.shutdownOutput();
        link.finished(direction);
      }
      case CLOSE -> link.close(reason);
      case RESET -> link.reset(reason);
    }
  }

  private String threadName(String role) {
    return "proxy-link" + link.number() + "-" + direction.label() + "-" + role;
  }
}
