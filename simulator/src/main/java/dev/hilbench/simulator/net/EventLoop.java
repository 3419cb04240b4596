package dev.hilbench.simulator.net;

import dev.hilbench.simulator.fault.LinkPlan;
import dev.hilbench.simulator.node.FleetCounters;
import dev.hilbench.simulator.node.Link;
import dev.hilbench.simulator.node.NodeHost;
import dev.hilbench.simulator.node.SimNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * One thread that runs many nodes: a selector for their sockets and a queue of their timers.
 * Everything a node does happens here, so nodes need no locks and cost no thread of their own.
 * Other threads talk to it only through {@link #execute} and {@link #call}.
 */
public final class EventLoop implements NodeHost, AutoCloseable {

  private final Selector selector;
  private final PriorityQueue<TimerTask> timers = new PriorityQueue<>();
  private final ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>();
  private final FleetCounters counters;
  private final InetSocketAddress server;
  private final SourceAddresses sources;
  private final Consumer<Throwable> errors;
  private final Thread thread;
  private final Set<NioLink> orphans = new HashSet<>();
  final byte[] readArray = new byte[16 * 1024];
  final ByteBuffer readBuffer = ByteBuffer.wrap(readArray);
  private long order;
  private volatile boolean running = true;

  /**
   * @param errors told of any exception a node or link throws; the loop goes on with the others
   */
  public EventLoop(String name, InetSocketAddress server, SourceAddresses sources, FleetCounters counters,
      Consumer<Throwable> errors) throws IOException {
    this.selector = Selector.open();
    this.server = server;
    this.sources = sources;
    this.counters = counters;
    this.errors = errors;
    this.thread = new Thread(this::run, name);
    this.thread.setDaemon(true);
    this.thread.start();
  }

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }

  @Override
  public FleetCounters counters() {
    return counters;
  }

  @Override
  public Timer schedule(long delayNanos, Runnable task) {
    assert Thread.currentThread() == thread : "schedule off the loop thread";
    TimerTask t = new TimerTask(System.nanoTime() + Math.max(0, delayNanos), order++, task);
    timers.add(t);
    return t;
  }

  @Override
  public Link connect(SimNode node, LinkPlan plan, long timeoutNanos) {
    NioLink link = new NioLink(this, node);
    link.start(plan, timeoutNanos, sources.forNode(node.index()), server);
    return link;
  }

  /** Runs {@code task} on the loop thread soon. */
  public void execute(Runnable task) {
    inbox.add(task);
    selector.wakeup();
  }

  /** Runs {@code task} on the loop thread and returns its result. */
  public <T> CompletableFuture<T> call(Callable<T> task) {
    CompletableFuture<T> f = new CompletableFuture<>();
    execute(() -> {
      try {
        f.complete(task.call());
      } catch (Throwable e) {
        f.completeExceptionally(e);
      }
    });
    return f;
  }

  Selector selector() {
    return selector;
  }

  void orphaned(NioLink link) {
    orphans.add(link);
  }

  void orphanClosed(NioLink link) {
    orphans.remove(link);
  }

  void fail(Throwable e) {
    errors.accept(e);
  }

  private void run() {
    try {
      while (running) {
        TimerTask next = timers.peek();
        long wait = next == null ? 0 : next.due - System.nanoTime();
        if (!inbox.isEmpty()) {
          selector.selectNow();
        } else if (next == null) {
          selector.select();
        } else if (wait <= 0) {
          selector.selectNow();
        } else {
          selector.select(Math.max(1, (wait + 999_999) / 1_000_000));
        }
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
          SelectionKey key = keys.next();
          keys.remove();
          guarded(() -> ((NioLink) key.attachment()).ready(key));
        }
        Runnable r;
        while ((r = inbox.poll()) != null) {
          guarded(r);
        }
        long now = System.nanoTime();
        while ((next = timers.peek()) != null && next.due <= now) {
          timers.poll();
          if (!next.cancelled) {
            guarded(next.task);
          }
        }
      }
    } catch (IOException e) {
      errors.accept(new UncheckedIOException("event loop " + thread.getName() + " stopped", e));
    } finally {
      closeEverything();
    }
  }

  private void guarded(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException | Error e) {
      errors.accept(e);
    }
  }

  private void closeEverything() {
    for (NioLink l : new ArrayList<>(orphans)) {
      l.close(Link.Close.FIN, false);
    }
    for (SelectionKey k : selector.keys()) {
      try {
        k.channel().close();
      } catch (IOException e) {
        errors.accept(e);
      }
    }
    try {
      selector.close();
    } catch (IOException e) {
      errors.accept(e);
    }
  }

  /** Number of half-open connections left behind by rebooted nodes. */
  public CompletableFuture<Integer> orphanCount() {
    return call(orphans::size);
  }

  /** Stops the loop after closing every socket it still has; waits for its thread. */
  @Override
  public void close() {
    running = false;
    selector.wakeup();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** For tests and diagnostics: the loop's thread. */
  public Thread thread() {
    return thread;
  }
}
