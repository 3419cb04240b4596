package dev.hilbench.cli.experiment;

import dev.hilbench.cli.demo.StoreKeys;
import dev.hilbench.cli.receiver.FreePort;
import dev.hilbench.cli.receiver.RestartableReceiver;
import dev.hilbench.server.DeviceSnapshot;
import dev.hilbench.server.OutputMode;
import dev.hilbench.server.ReceiverServer;
import dev.hilbench.server.ServerConfig;
import dev.hilbench.server.ServerStats;
import dev.hilbench.simulator.Durations;
import dev.hilbench.simulator.Fleet;
import dev.hilbench.simulator.FleetConfig;
import dev.hilbench.simulator.FleetStats;
import dev.hilbench.simulator.NodeGroup;
import dev.hilbench.simulator.ledger.Ledger;
import dev.hilbench.simulator.ledger.LedgerFile;
import dev.hilbench.simulator.net.SourceAddresses;
import dev.hilbench.simulator.policy.PolicyKind;
import dev.hilbench.simulator.reconcile.Reconciler;
import dev.hilbench.simulator.reconcile.Reconciliation;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * One policy's run of the restart experiment: a receiver on a fixed port, the fleet connected and
 * settled, the receiver down for a while and back on the same port, until every node is back and
 * has delivered a few readings (or the timeout); then the fleet is stopped, the ledger reconciled
 * with the store, and what happened to each node read back from the store.
 */
final class RestartRun {

  /** The receiver listens on loopback only: the experiment measures policies, not a network. */
  static final String HOST = "127.0.0.1";
  /** The fleet's one group: device ids node-0001, node-0002, ... */
  static final String GROUP = "node";
  /** Nodes powered on per second at the start: a fleet of thousands connects in seconds without a storm of its own. */
  static final double RAMP_UP_PER_SECOND = 5000;
  /** How often the phases check their condition (back times come from the store, to the millisecond, not from this). */
  static final Duration POLL = Duration.ofMillis(100);
  /** Time for the stopping fleet to write and have acknowledged what it still holds. */
  static final Duration DRAIN = Duration.ofSeconds(5);

  private final RestartPlan plan;
  private final PolicyKind policy;
  private final Progress progress;
  private final PrintStream serverErr;
  private final String tag;

  /** @param serverErr where the receiver reports its own problems (out of file descriptors, a failing store) */
  RestartRun(RestartPlan plan, PolicyKind policy, Progress progress, PrintStream serverErr) {
    this.plan = plan;
    this.policy = policy;
    this.progress = progress;
    this.serverErr = serverErr;
    this.tag = "[" + policy.label() + "]";
  }

  /** Runs it; a run that could not even start its measurement (the fleet never connected) throws {@link RunFailed}. */
  PolicyResult run() throws IOException, InterruptedException {
    Path db = plan.out().resolve(policy.label() + ".db");
    for (String suffix : List.of("", "-wal", "-shm")) {
      // A fresh store for each run: the ledger is reconciled against it alone.
      Files.deleteIfExists(db.resolveSibling(db.getFileName() + suffix));
    }
    int port = FreePort.below32768(HOST);
    ServerConfig serverConfig = ServerConfig.defaults().withBind(HOST).withPort(port).withAdminPort(-1)
        .withDatabase(db).withOutput(OutputMode.QUIET).withBacklog(plan.backlog());
    FleetConfig fleetConfig = new FleetConfig(new InetSocketAddress(HOST, port), plan.seed(), runId(),
        List.of(new NodeGroup(GROUP, plan.devices(), plan.profile(policy))), new SourceAddresses.PerNode(),
        RAMP_UP_PER_SECOND, Math.min(2, Runtime.getRuntime().availableProcessors()));

    Timeline time;
    Ledger ledger;
    List<Throwable> fleetErrors;
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    try (RestartableReceiver receiver = new RestartableReceiver(serverConfig, quiet, serverErr)) {
      receiver.start();
      progress.note(String.format(Locale.ROOT, "%s receiver on %s:%d; %,d nodes (%s, a reading every %s), seed %d",
          tag, HOST, port, plan.devices(), plan.mode().label(), Durations.format(plan.interval()), plan.seed()));
      Fleet fleet = Fleet.start(fleetConfig);
      try {
        settle(fleet, receiver);
        time = outageAndRecovery(fleet, receiver);
      } finally {
        progress.note(tag + " stopping the fleet, then reconciling its ledger with the receiver's store");
        ledger = fleet.stop(DRAIN);
        fleetErrors = fleet.errors();
      }
      receiver.current().ifPresent(RestartRun::awaitConnectionsRead);
    }
    LedgerFile.write(ledger, plan.out().resolve(policy.label() + ".ledger"));
    Reconciliation rec = Reconciler.reconcile(ledger, StoreKeys.read(db));
    StoreFacts facts = StoreFacts.read(db, time.startingEpochMillis());
    List<String> devices = IntStream.range(0, plan.devices()).mapToObj(fleetConfig.groups().get(0)::deviceId).toList();
    return Outcomes.collect(policy, plan.timeout(), devices, time, rec, facts, fleetErrors);
  }

  /** Waits until every node is connected, has delivered a reading, and its connection counts as stable. */
  private void settle(Fleet fleet, RestartableReceiver receiver) throws InterruptedException {
    int n = plan.devices();
    long start = System.nanoTime();
    Duration connectBound = Duration.ofSeconds(30).plusMillis(n);
    boolean connected = Poll.until(() -> fleet.stats().connected() == n, connectBound, POLL,
        () -> progress.status(String.format(Locale.ROOT, "%s connecting: %,d/%,d", tag, fleet.stats().connected(), n)));
    if (!connected) {
      throw new RunFailed(policy, String.format(Locale.ROOT, "only %,d of %,d nodes connected within %s",
          fleet.stats().connected(), n, Durations.format(connectBound)));
    }
    long stableAt = System.nanoTime() + plan.resetAfter().toNanos();
    progress.note(String.format(Locale.ROOT, "%s all %,d connected in %.1f s; running %s more, so that every "
        + "connection outlasts --reset-after and every node has delivered a reading", tag, n,
        (System.nanoTime() - start) / 1e9, Durations.format(plan.resetAfter())));
    Duration settleBound = plan.resetAfter().plus(plan.interval().multipliedBy(3)).plusSeconds(30);
    boolean settled = Poll.until(
        () -> System.nanoTime() - stableAt >= 0 && delivering(receiver) == n && fleet.stats().connected() == n,
        settleBound, POLL, () -> progress.status(String.format(Locale.ROOT, "%s settling: %,d/%,d connected, "
            + "%,d/%,d have delivered a reading", tag, fleet.stats().connected(), n, delivering(receiver), n)));
    if (!settled) {
      throw new RunFailed(policy, String.format(Locale.ROOT, "the fleet did not settle within %s: %,d/%,d "
          + "connected, %,d/%,d delivered a reading", Durations.format(settleBound), fleet.stats().connected(), n,
          delivering(receiver), n));
    }
  }

  /** Devices the running receiver instance has stored at least one reading from. */
  private static int delivering(RestartableReceiver receiver) {
    return receiver.current().map(s -> (int) s.devices().stream().filter(d -> d.readings() > 0).count()).orElse(0);
  }

  private Timeline outageAndRecovery(Fleet fleet, RestartableReceiver receiver) throws IOException, InterruptedException {
    int n = plan.devices();
    long[] reopen = {Long.MAX_VALUE};
    try (Sampler sampler = new Sampler(() -> counters(fleet, receiver), c -> showTick(c, reopen[0]))) {
      sampler.start();
      long down = System.nanoTime();
      receiver.stop();
      long stopped = System.nanoTime();
      progress.note(String.format(Locale.ROOT, "%s receiver down (it stopped in %d ms); back on port %d in %s",
          tag, (stopped - down) / 1_000_000, receiver.port(), Durations.format(plan.down())));
      long remaining = down + plan.down().toNanos() - System.nanoTime();
      if (remaining > 0) {
        Thread.sleep(remaining / 1_000_000, (int) (remaining % 1_000_000)); // the outage itself is the experiment
      }
      long starting = System.nanoTime();
      long startingEpoch = System.currentTimeMillis();
      receiver.start();
      reopen[0] = System.nanoTime();
      long reopenEpoch = System.currentTimeMillis();
      progress.note(String.format(Locale.ROOT, "%s port reopened after %.2f s (the receiver started in %d ms); waiting "
          + "up to %s for every node to be back and deliver %d readings", tag, (reopen[0] - down) / 1e9,
          (reopen[0] - starting) / 1_000_000, Durations.format(plan.timeout()), plan.readingsAfter()));
      boolean done = Poll.until(() -> recovered(receiver) == n, plan.timeout(), POLL, () -> { });
      long end = System.nanoTime();
      int back = backCount(receiver);
      progress.note(done
          ? String.format(Locale.ROOT, "%s all %,d nodes back and delivering %.2f s after the port reopened", tag, n,
              (end - reopen[0]) / 1e9)
          : String.format(Locale.ROOT, "%s after %s: %,d/%,d nodes back, %,d of them delivering", tag,
              Durations.format(plan.timeout()), back, n, recovered(receiver)));
      return new Timeline(down, reopen[0], startingEpoch, reopenEpoch, sampler.stop(), done);
    }
  }

  private void showTick(Counters c, long reopenNanos) {
    if (c.instance() == 0) {
      progress.status(String.format(Locale.ROOT, "%s receiver down: %,d nodes trying, %,d attempts refused so far",
          tag, plan.devices() - c.connected(), c.failed()));
    } else if (reopenNanos != Long.MAX_VALUE) {
      progress.status(String.format(Locale.ROOT, "%s %5.1f s after reopening: %,d/%,d nodes back", tag,
          (c.nanos() - reopenNanos) / 1e9, c.back(), plan.devices()));
    }
  }

  private static Counters counters(Fleet fleet, RestartableReceiver receiver) {
    FleetStats f = fleet.stats();
    int instance = receiver.instance();
    ServerStats s = receiver.current().map(ReceiverServer::stats).orElse(null);
    // Only the restarted instance's devices count as back; the first instance's are the ones that went away.
    int back = instance >= 2 ? backCount(receiver) : 0;
    return new Counters(System.nanoTime(), s == null ? 0 : instance, s == null ? 0 : s.connectionsAccepted(),
        f.connects() + f.connectFailures(), f.connectFailures(), f.connected(), back);
  }

  /** Devices the running instance has identified on a connection (restored ones have no connects). */
  private static int backCount(RestartableReceiver receiver) {
    return receiver.current().map(s -> (int) s.devices().stream().filter(d -> d.connects() > 0).count()).orElse(0);
  }

  /** Devices back on the running instance that have also delivered the readings the plan asks for. */
  private int recovered(RestartableReceiver receiver) {
    return receiver.current().map(s -> (int) s.devices().stream().filter(this::recovered).count()).orElse(0);
  }

  private boolean recovered(DeviceSnapshot d) {
    // New readings only: in acknowledged mode the resent ones arrive as duplicates at once.
    return d.connects() > 0 && d.readings() - d.duplicates() >= plan.readingsAfter();
  }

  /** Waits (10 s at most) until the receiver has read every connection the stopped fleet closed, and stored what it read. */
  private static void awaitConnectionsRead(ReceiverServer server) {
    try {
      Poll.until(() -> {
        ServerStats s = server.stats();
        return s.connectionsOpen() == 0 && s.storeQueueDepth() == 0;
      }, Duration.ofSeconds(10), POLL, () -> { });
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A run id from the clock and the policy, so that the runs of one experiment never share a boot id. */
  private String runId() {
    return FleetConfig.newRunId() + "-" + policy.ordinal();
  }

  /** A run that could not measure anything: the fleet never connected or settled. */
  static final class RunFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RunFailed(PolicyKind policy, String message) {
      super(policy.label() + ": " + message);
    }
  }
}
