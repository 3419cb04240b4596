package dev.hilbench.simulator;

import dev.hilbench.simulator.fault.FaultSet;
import dev.hilbench.simulator.fault.RebootLink;
import dev.hilbench.simulator.ledger.Ledger;
import dev.hilbench.simulator.ledger.LedgerRecord;
import dev.hilbench.simulator.net.EventLoop;
import dev.hilbench.simulator.node.FleetCounters;
import dev.hilbench.simulator.node.SimNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A running fleet of simulated nodes: the Java API behind {@code ./hilbench simulate}, the
 * features and the experiments. Start it, change faults, reboot or silence nodes while it runs,
 * watch its {@link #stats()}, then {@link #stop} it and read the {@link Ledger}.
 *
 * <pre>{@code
 * try (Fleet fleet = Fleet.start(FleetConfig.simple(server, 42, 20, NodeProfile.CLASSROOM))) {
 *   ... // await fleet.stats().connected() == 20, reboot a node, ...
 *   Ledger ledger = fleet.stop(Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <p>Thread-safe: every change is handed to the event loop that owns the node.
 */
public final class Fleet implements AutoCloseable {

  private final FleetConfig config;
  private final FleetCounters counters = new FleetCounters();
  private final List<EventLoop> loops = new ArrayList<>();
  private final List<SimNode> nodes = new ArrayList<>();
  private final ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
  private final long startedAtNanos = System.nanoTime();
  private volatile Ledger finalLedger;

  private Fleet(FleetConfig config) {
    this.config = config;
  }

  /** Builds the nodes and powers them on (at the configured ramp-up rate). */
  public static Fleet start(FleetConfig config) throws IOException {
    Fleet f = new Fleet(config);
    try {
      f.launch();
    } catch (IOException | RuntimeException e) {
      f.loops.forEach(EventLoop::close);
      throw e;
    }
    return f;
  }

  private void launch() throws IOException {
    for (int t = 0; t < config.threads(); t++) {
      loops.add(new EventLoop("hilbench-fleet-" + t, config.server(), config.sources(), counters, errors::add));
    }
    int index = 0;
    for (NodeGroup g : config.groups()) {
      for (int i = 0; i < g.count(); i++, index++) {
        EventLoop loop = loopOf(index);
        String storeDevice = g.profile().hello() ? g.deviceId(i) : sourceAddressOf(index);
        nodes.add(new SimNode(index, g.deviceId(i), storeDevice, g.name(), config.run(), g.profile(), config.seed(), loop));
      }
    }
    double rate = config.rampUpPerSecond();
    for (SimNode n : nodes) {
      long delay = rate == 0 ? 0 : (long) (n.index() * 1e9 / rate);
      loopOf(n.index()).execute(() -> n.powerOn(delay));
    }
  }

  /** The address the server sees a node come from. */
  private String sourceAddressOf(int index) {
    java.net.InetAddress a = config.sources().forNode(index);
    return a == null ? "127.0.0.1" : a.getHostAddress();
  }

  private EventLoop loopOf(int index) {
    return loops.get(index % loops.size());
  }

  public FleetConfig config() {
    return config;
  }

  public int size() {
    return nodes.size();
  }

  public FleetStats stats() {
    return FleetStats.of(nodes.size(), counters, errors.size());
  }

  /**
   * Waits until {@code condition} holds on the fleet's counters, or {@code timeout} passes.
   * Returns whether it held. (Tests use Awaitility; this is for experiments and features.)
   */
  public boolean await(java.util.function.Predicate<FleetStats> condition, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.test(stats())) {
      if (System.nanoTime() >= deadline) {
        return false;
      }
      Thread.sleep(10); // polling counters the loops update; bounded by the deadline
    }
    return true;
  }

  /** Time since the fleet started. */
  public Duration uptime() {
    return Duration.ofNanos(System.nanoTime() - startedAtNanos);
  }

  /** Exceptions raised inside the event loops (each is a bug; the loops carried on). */
  public List<Throwable> errors() {
    return List.copyOf(errors);
  }

  public List<NodeView> nodes() {
    return nodes.stream().map(Fleet::view).toList();
  }

  public NodeView node(int index) {
    return view(nodes.get(index));
  }

  /** The node with this device id. */
  public NodeView node(String device) {
    return nodes.stream().filter(n -> n.device().equals(device)).findFirst().map(Fleet::view)
        .orElseThrow(() -> new IllegalArgumentException("no node " + device));
  }

  private static NodeView view(SimNode n) {
    return new NodeView(n.index(), n.device(), n.group(), n.state(), n.boots(), n.nextSeq());
  }

  /** Indexes of the nodes of a group (all nodes for null). */
  public List<Integer> indexesOf(String group) {
    return nodes.stream().filter(n -> group == null || n.group().equals(group)).map(SimNode::index).toList();
  }

  // ---- changes while running ----

  public void reboot(int index, RebootLink how) {
    onNode(index, n -> n.reboot(how));
  }

  public void reboot(Collection<Integer> indexes, RebootLink how) {
    indexes.forEach(i -> reboot(i, how));
  }

  /** Wi-Fi lost for {@code duration}: no FIN, nothing sent or read. */
  public void silence(int index, Duration duration) {
    onNode(index, n -> n.silence(duration.toMillis()));
  }

  public void silence(Collection<Integer> indexes, Duration duration) {
    indexes.forEach(i -> silence(i, duration));
  }

  /** Replaces a node's faults from its next cycle and connection on. */
  public void setFaults(int index, FaultSet faults) {
    onNode(index, n -> n.setFaults(faults));
  }

  public void setFaults(Collection<Integer> indexes, FaultSet faults) {
    indexes.forEach(i -> setFaults(i, faults));
  }

  private void onNode(int index, java.util.function.Consumer<SimNode> action) {
    SimNode n = nodes.get(index);
    loopOf(index).execute(() -> action.accept(n));
  }

  // ---- ledger and stop ----

  /** The ledger so far (readings still inside nodes show as pending), or the final one after stop. */
  public Ledger ledger() {
    if (finalLedger != null) {
      return finalLedger;
    }
    return inNodeOrder(onEveryLoop(this::ledgerOf).stream().flatMap(List::stream).toList());
  }

  private List<LedgerRecord> ledgerOf(List<SimNode> mine) {
    return mine.stream().flatMap(n -> n.ledger().stream()).toList();
  }

  /**
   * Stops the fleet: no more readings, then up to {@code drain} for what nodes still hold to be
   * written (and, acknowledged, acknowledged), then every connection closed with FIN. Returns the
   * final ledger. Idempotent.
   */
  public synchronized Ledger stop(Duration drain) {
    if (finalLedger != null) {
      return finalLedger;
    }
    onEveryLoop(mine -> {
      mine.forEach(SimNode::beginStop);
      return null;
    });
    long deadline = System.nanoTime() + drain.toNanos();
    while (System.nanoTime() < deadline) {
      boolean drained = onEveryLoop(mine -> mine.stream().allMatch(SimNode::drained)).stream().allMatch(b -> b);
      if (drained) {
        break;
      }
      try {
        Thread.sleep(20); // polling the loops for their drain; not a test waiting for a condition
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    List<LedgerRecord> records = onEveryLoop(mine -> {
      mine.forEach(SimNode::finish);
      return ledgerOf(mine);
    }).stream().flatMap(List::stream).toList();
    finalLedger = inNodeOrder(records);
    loops.forEach(EventLoop::close);
    return finalLedger;
  }

  /** Loops own disjoint nodes: puts their records back in node order, boots in order. */
  private Ledger inNodeOrder(List<LedgerRecord> records) {
    Map<String, Integer> order = new java.util.HashMap<>();
    nodes.forEach(n -> order.put(n.storeDevice(), n.index()));
    List<LedgerRecord> sorted = new ArrayList<>(records);
    sorted.sort(java.util.Comparator.comparingInt((LedgerRecord r) -> order.getOrDefault(r.device(), -1))
        .thenComparingInt(r -> bootNumber(r.boot())));
    return new Ledger(config.seed(), config.run(), sorted);
  }

  /** The boot's number: the digits at the end of {@code run.N} or {@code ip-N}. */
  private static int bootNumber(String boot) {
    int i = boot.length();
    while (i > 0 && Character.isDigit(boot.charAt(i - 1))) {
      i--;
    }
    return Integer.parseInt(boot.substring(i));
  }

  /** Runs {@code f} on each loop with the nodes it owns and collects the results. */
  private <T> List<T> onEveryLoop(Function<List<SimNode>, T> f) {
    Map<EventLoop, List<SimNode>> byLoop = nodes.stream().collect(Collectors.groupingBy(n -> loopOf(n.index())));
    List<CompletableFuture<T>> futures = new ArrayList<>();
    for (EventLoop loop : loops) {
      List<SimNode> mine = byLoop.getOrDefault(loop, List.of());
      futures.add(loop.call(() -> f.apply(mine)));
    }
    List<T> out = new ArrayList<>();
    for (CompletableFuture<T> fu : futures) {
      try {
        out.add(fu.get(30, TimeUnit.SECONDS));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the event loops", e);
      } catch (ExecutionException | TimeoutException e) {
        throw new IllegalStateException("an event loop did not answer: " + e, e);
      }
    }
    return out;
  }

  /** Stops with a short drain if not stopped yet. */
  @Override
  public void close() {
    stop(Duration.ofSeconds(2));
  }
}
