package dev.hilbench.server;

import dev.hilbench.protocol.LineError;
import dev.hilbench.server.admin.AdminServer;
import dev.hilbench.server.forward.ForwardStatus;
import dev.hilbench.server.forward.Forwarder;
import dev.hilbench.server.net.Acceptor;
import dev.hilbench.server.net.DescriptorBudget;
import dev.hilbench.server.net.LoopCounters;
import dev.hilbench.server.net.LoopCounters.Counter;
import dev.hilbench.server.net.SelectorLoop;
import dev.hilbench.server.net.ServerCounters;
import dev.hilbench.server.output.Output;
import dev.hilbench.server.output.Problems;
import dev.hilbench.server.output.StatusLine;
import dev.hilbench.server.session.SessionRegistry;
import dev.hilbench.server.store.NoStore;
import dev.hilbench.server.store.ReadingStore;
import dev.hilbench.server.store.StorePipeline;
import dev.hilbench.server.store.StoreWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The TCP receiver: the classroom server's job, for thousands of nodes at once.
 *
 * <p>Threads: one acceptor; one connection thread per core ({@link SelectorLoop}), each reading its
 * share of the connections without blocking, parsing and applying lines to device sessions; one
 * store writer committing batches to SQLite at its own pace behind a bounded queue (reading
 * pauses when it falls behind); one admin HTTP thread; in quiet mode, one thread printing
 * counters; with forwarding, one thread sending committed readings on over HTTP. See
 * {@code docs/server.md}.
 *
 * <p>Nothing is printed except to the two streams given to {@link #start}.
 */
public final class ReceiverServer implements AutoCloseable {

  /** Knobs for tests and benchmarks; {@link #defaults()} suits a real deployment. */
  public record Tuning(int connectionThreads, int storeQueueCapacity, long storeGiveUpMillis, long statusEveryMillis) {

    public Tuning {
      if (connectionThreads < 1 || storeQueueCapacity < 2 || storeGiveUpMillis < 0 || statusEveryMillis < 1) {
        throw new IllegalArgumentException("invalid tuning: " + connectionThreads + " threads, queue "
            + storeQueueCapacity + ", give up after " + storeGiveUpMillis + " ms, status every " + statusEveryMillis + " ms");
      }
    }

    /**
     * One connection thread per core but one (the store writer needs a core of its own: on two
     * cores, two connection threads made the fleet benchmark a third slower, see
     * docs/performance.md), a store queue of 65,536 readings, 30 s to flush at shutdown, status
     * every 5 s.
     */
    public static Tuning defaults() {
      int connectionThreads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
      return new Tuning(connectionThreads, StoreWriter.DEFAULT_CAPACITY, 30_000, 5_000);
    }

    public Tuning withStoreQueueCapacity(int capacity) {
      return new Tuning(connectionThreads, capacity, storeGiveUpMillis, statusEveryMillis);
    }

    public Tuning withConnectionThreads(int n) {
      return new Tuning(n, storeQueueCapacity, storeGiveUpMillis, statusEveryMillis);
    }
  }

  private final ServerConfig config;
  private final Instant startedAt = Instant.now();
  private final Problems problems;
  private final PrintStream out;
  private final PrintStream err;
  private final SessionRegistry sessions = new SessionRegistry();
  private final ServerCounters counters = new ServerCounters();
  private final List<SelectorLoop> loops = new ArrayList<>();
  private volatile StorePipeline store; // volatile: the forwarder thread starts before it is set
  private long restoredReadings;
  private ServerSocketChannel listener;
  private int port;
  private int maxConnections;
  private Tuning tuning = Tuning.defaults();
  private Acceptor acceptor;
  private AdminServer admin;
  private Forwarder forwarder;
  private ScheduledExecutorService ticker;
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private boolean closing;

  private ReceiverServer(ServerConfig config, PrintStream out, PrintStream err) {
    this.config = config;
    this.out = out;
    this.err = err;
    this.problems = new Problems(err);
  }

  /** Starts a server printing readings and bad input to {@code out}. Returns once it listens. */
  public static ReceiverServer start(ServerConfig config, PrintStream out) throws IOException {
    return start(config, out, out);
  }

  /**
   * Starts a server printing readings and session events to {@code out}, bad input and problems to
   * {@code err}. Returns once it listens. With a database, duplicate detection is first rebuilt
   * from what it holds.
   */
  public static ReceiverServer start(ServerConfig config, PrintStream out, PrintStream err) throws IOException {
    return start(config, out, err, Tuning.defaults());
  }

  public static ReceiverServer start(ServerConfig config, PrintStream out, PrintStream err, Tuning tuning)
      throws IOException {
    ReceiverServer server = new ReceiverServer(config, out, err);
    try {
      server.open(tuning);
      return server;
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
  }

  private void open(Tuning tuning) throws IOException {
    this.tuning = tuning;
    store = openStore(tuning);
    listener = ServerSocketChannel.open();
    listener.setOption(StandardSocketOptions.SO_REUSEADDR, true); // restart at once on the same port
    try {
      listener.bind(new InetSocketAddress(config.bind(), config.port()), config.backlog());
    } catch (BindException e) {
      throw new IOException("cannot listen on " + config.bind() + ":" + config.port() + ": " + e.getMessage(), e);
    }
    port = ((InetSocketAddress) listener.getLocalAddress()).getPort();
    for (int i = 0; i < tuning.connectionThreads(); i++) {
      Output output = new Output(config.output(), out, err, ZoneId.systemDefault());
      loops.add(new SelectorLoop(i, sessions, store, output, counters, problems, config.maxLineLength(),
          config.idleTimeout()));
    }
    store.onResume(() -> loops.forEach(SelectorLoop::resumeReads));
    loops.forEach(SelectorLoop::start);
    maxConnections = DescriptorBudget.forThisProcess(config.maxConnections());
    acceptor = new Acceptor(listener, loops.toArray(SelectorLoop[]::new), counters, maxConnections, problems);
    acceptor.start();
    if (config.adminPort() >= 0) {
      admin = AdminServer.start(config.adminBind(), config.adminPort(), this::stats, this::forwardStatus,
          this::devices, this::device, problems);
    }
    if (config.output() == OutputMode.QUIET) {
      startStatusLines(tuning.statusEveryMillis());
    }
  }

  private StorePipeline openStore(Tuning tuning) throws IOException {
    if (!config.storing()) {
      return new NoStore();
    }
    ReadingStore db = ReadingStore.open(config.database());
    try {
      if (config.forward() != null) {
        // Its own thread and database connection, reading what the store writer committed, never on the network
        // path. Started before the writer, so that its table exists before the writer's first snapshot.
        forwarder = Forwarder.start(config.forward(), config.database(), this::storedReadings, problems::report);
      }
      restoredReadings = db.replay(sessions::restore);
      return new StoreWriter(db, tuning.storeQueueCapacity(), tuning.storeGiveUpMillis(), problems::report);
    } catch (IOException | RuntimeException e) {
      db.close();
      throw e;
    }
  }

  private void startStatusLines(long everyMillis) {
    ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "hilbench-status");
      t.setDaemon(true);
      return t;
    });
    DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm:ss");
    ServerStats[] previous = {stats()};
    long[] previousNanos = {System.nanoTime()};
    ticker.scheduleAtFixedRate(() -> {
      ServerStats now = stats();
      long nanos = System.nanoTime();
      String line = StatusLine.format(time.format(LocalTime.now()), now, previous[0], (nanos - previousNanos[0]) / 1e9);
      previous[0] = now;
      previousNanos[0] = nanos;
      synchronized (out) {
        out.append(line);
        out.flush();
      }
    }, everyMillis, everyMillis, TimeUnit.MILLISECONDS);
  }

  /** The port readings are received on (the one chosen, if the config said 0). */
  public int port() {
    return port;
  }

  /** The admin HTTP port, -1 if admin HTTP is off. */
  public int adminPort() {
    return admin == null ? -1 : admin.port();
  }

  /**
   * The connections held at most: the configured number, or fewer where the process's
   * descriptor limit leaves less room (see {@link DescriptorBudget}).
   */
  public int maxConnections() {
    return maxConnections;
  }

  public ServerConfig config() {
    return config;
  }

  /** Readings found in the store at start (their state was rebuilt for duplicate detection). */
  public long restoredReadings() {
    return restoredReadings;
  }

  public ServerStats stats() {
    long readings = 0, lastReadingMillis = 0, duplicates = 0, gaps = 0, reboots = 0, idle = 0, takeovers = 0, bytes = 0, pauses = 0;
    Map<LineError, Long> byCode = new EnumMap<>(LineError.class);
    long malformed = 0;
    for (SelectorLoop loop : loops) {
      LoopCounters c = loop.counters();
      readings += c.get(Counter.READINGS);
      lastReadingMillis = Math.max(lastReadingMillis, c.lastReadingMillis());
      duplicates += c.get(Counter.DUPLICATES);
      gaps += c.get(Counter.GAPS);
      reboots += c.get(Counter.REBOOTS);
      idle += c.get(Counter.IDLE_CLOSES);
      takeovers += c.get(Counter.TAKEOVERS);
      bytes += c.get(Counter.BYTES_READ);
      pauses += c.get(Counter.READ_PAUSES);
      for (LineError code : LineError.values()) {
        long n = c.malformed(code);
        if (n > 0) {
          byCode.merge(code, n, Long::sum);
          malformed += n;
        }
      }
    }
    return new ServerStats(startedAt, counters.open(), counters.accepted(), counters.refusedCount(), readings,
        store == null ? 0 : store.stored(), lastReadingMillis == 0 ? null : Instant.ofEpochMilli(lastReadingMillis),
        store == null ? null : store.lastStoredAt(), duplicates, gaps, reboots, malformed, byCode, idle, takeovers, bytes,
        store == null ? 0 : store.queued(), pauses, sessions.size(), config.storing());
  }

  /** Every device known: connected now, seen since start, or restored from the store. */
  public List<DeviceSnapshot> devices() {
    return sessions.snapshots();
  }

  /** A device by id: a device that named itself, else the device known by that IP address. */
  public Optional<DeviceSnapshot> device(String deviceId) {
    return sessions.snapshot(deviceId);
  }

  /** Readings committed to the store so far (0 when not storing). */
  public long storedReadings() {
    return store == null ? 0 : store.stored();
  }

  /** The forwarder's counters, empty when not forwarding. */
  public Optional<ForwardStatus> forwardStatus() {
    Forwarder f = forwarder;
    return f == null ? Optional.empty() : Optional.of(f.status());
  }

  /** Completes once {@link #close()} has finished. */
  public CompletableFuture<Void> closed() {
    return closed;
  }

  /**
   * Graceful stop: stop accepting; stop reading and apply the lines already read; commit
   * everything to the store and send the acknowledgements it earns; close the connections; close
   * the store. Nothing acknowledged is lost; bytes still in the kernel's buffers are not read (the
   * nodes were not acknowledged for them and resend them). Safe to call twice and from a shutdown
   * hook; a second caller waits for the first.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closing) {
        closed.join();
        return;
      }
      closing = true;
    }
    boolean interrupted = false;
    try {
      if (ticker != null) {
        ticker.shutdownNow();
      }
      if (forwarder != null) {
        forwarder.close(); // what it has not sent stays in the store, after its cursor, for the next start
      }
      if (acceptor != null) {
        interrupted |= !uninterruptibly(() -> acceptor.stop());
      } else if (listener != null) {
        listener.close();
      }
      interrupted |= !await(loops.stream().map(SelectorLoop::stopReading).toList());
      if (store != null) {
        boolean flushed = false;
        try {
          flushed = store.flush(tuning.storeGiveUpMillis());
        } catch (InterruptedException e) {
          interrupted = true;
        }
        if (!flushed) {
          problems.report("the store did not take everything in time; what is left is committed at close if possible");
        }
      }
      interrupted |= !await(loops.stream().map(SelectorLoop::closeAll).toList());
      if (store != null) {
        store.close();
      }
      if (admin != null) {
        admin.stop();
      }
    } catch (IOException | RuntimeException e) {
      problems.report("error while closing the server", e);
    } finally {
      closed.complete(null);
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private interface Interruptible {
    void run() throws InterruptedException;
  }

  /** Runs {@code action} to the end even if interrupted; false if it was. */
  private static boolean uninterruptibly(Interruptible action) {
    boolean interrupted = false;
    while (true) {
      try {
        action.run();
        return !interrupted;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
  }

  private static boolean await(List<CompletableFuture<Void>> futures) {
    boolean interrupted = false;
    for (CompletableFuture<Void> f : futures) {
      while (true) {
        try {
          f.get();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          throw new IllegalStateException("a connection thread failed while stopping", e.getCause());
        }
      }
    }
    return !interrupted;
  }
}
