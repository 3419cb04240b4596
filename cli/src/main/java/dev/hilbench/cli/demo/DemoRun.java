package dev.hilbench.cli.demo;

import dev.hilbench.server.OutputMode;
import dev.hilbench.server.ReceiverServer;
import dev.hilbench.server.ServerConfig;
import dev.hilbench.server.ServerStats;
import dev.hilbench.simulator.Durations;
import dev.hilbench.simulator.Fleet;
import dev.hilbench.simulator.FleetConfig;
import dev.hilbench.simulator.NodeGroup;
import dev.hilbench.simulator.cli.ProgressLine;
import dev.hilbench.simulator.cli.RunSummary;
import dev.hilbench.simulator.ledger.Ledger;
import dev.hilbench.simulator.ledger.LedgerFile;
import dev.hilbench.simulator.reconcile.Reconciler;
import dev.hilbench.simulator.reconcile.Reconciliation;
import dev.hilbench.simulator.reconcile.ReconciliationTable;
import dev.hilbench.simulator.scenario.FleetRun;
import dev.hilbench.simulator.scenario.Scenario;
import dev.hilbench.simulator.scenario.TimedEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The demo itself: a receiver on 127.0.0.1, a mixed fleet with faults against it, live progress,
 * then the reconciliation of the simulator's ledger with the receiver's store.
 */
public final class DemoRun {

  /** Idle timeout of the demo's receiver: short, so that silenced nodes are seen to be closed. */
  static final Duration IDLE_TIMEOUT = Duration.ofSeconds(3);
  /** How long the receiver is down when the demo restarts it. */
  static final Duration RESTART_DOWN = Duration.ofSeconds(2);

  private final Scenario scenario;
  private final long seed;
  private final Duration duration;
  private final Path db;
  private final Path ledgerFile;
  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean rewrite;
  private final Duration restartAt;

  /**
   * @param restartAt when the receiver restarts, or null for never
   */
  public DemoRun(Scenario scenario, long seed, Duration duration, Duration restartAt, Path db, Path ledgerFile,
      PrintWriter out, PrintWriter err, boolean rewrite) {
    this.scenario = scenario;
    this.restartAt = restartAt;
    this.seed = seed;
    this.duration = duration;
    this.db = db;
    this.ledgerFile = ledgerFile;
    this.out = out;
    this.err = err;
    this.rewrite = rewrite;
  }

  /** Runs the demo; true when every check held. */
  public boolean run() throws IOException, InterruptedException {
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    ServerConfig serverConfig = ServerConfig.defaults().withBind("127.0.0.1").withAdminPort(-1)
        .withDatabase(db).withOutput(OutputMode.QUIET).withIdleTimeout(IDLE_TIMEOUT);
    Ledger ledger;
    Fleet fleet;
    Receiver.Totals seen;
    int restarts;
    String sample;
    ScheduledExecutorService restarter = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "demo-restart"));
    try (Receiver receiver = Receiver.start(serverConfig, quiet)) {
      FleetConfig config = scenario.fleetConfig(new InetSocketAddress("127.0.0.1", receiver.port()), seed, FleetConfig.newRunId());
      introduce(config, receiver);
      fleet = Fleet.start(config);
      try {
        ProgressLine progress = new ProgressLine(err, rewrite, duration, () -> ServerView.progress(receiver));
        if (restartAt != null) {
          restarter.schedule(() -> restart(receiver, progress), restartAt.toMillis(), TimeUnit.MILLISECONDS);
        }
        ledger = FleetRun.run(fleet, scenario.events(), duration, Duration.ofSeconds(5), progress);
      } finally {
        fleet.close();
        restarter.shutdown();
        restarter.awaitTermination(30, TimeUnit.SECONDS);
      }
      receiver.current().ifPresent(DemoRun::awaitStore);
      seen = receiver.totals();
      restarts = receiver.restarts();
      sample = ServerView.lastReading(receiver, config.groups().get(0).deviceId(0)).orElse(null);
    }
    out.println();
    out.println("What the nodes did (the simulator's ledger):");
    out.print(indent(RunSummary.render(ledger, fleet.stats())));
    out.println();
    out.println("What the receiver saw:");
    out.print(indent(ServerView.summary(seen, restarts)));
    if (sample != null) {
      out.println("  Its last reading from the first node, as the classroom server printed it: " + sample);
    }
    out.println();
    Reconciliation rec = Reconciler.reconcile(ledger, StoreKeys.read(db));
    out.println("Reconciliation: every reading of the ledger looked up in the receiver's store");
    out.println();
    out.print(ReconciliationTable.render(rec, 40));
    if (ledgerFile != null) {
      LedgerFile.write(ledger, ledgerFile);
    }
    List<String> problems = RunSummary.problems(ledger, fleet.stats(), fleet.errors(), fleet.size());
    out.println();
    if (rec.ok() && problems.isEmpty()) {
      out.println("demo passed: the store holds exactly what the ledger says reached the receiver.");
    } else {
      out.println("demo FAILED (seed " + seed + "; replay with ./hilbench demo --seed " + seed + "):");
      problems.forEach(p -> out.println("  " + p));
    }
    out.println("Store: " + db + (ledgerFile == null ? "" : "   Ledger: " + ledgerFile));
    out.println("Next: ./hilbench simulate --help, ./hilbench serve --help, docs/simulator.md");
    out.flush();
    return rec.ok() && problems.isEmpty();
  }

  /** By default the receiver restarts a little past the middle of the run, if the run is long enough to recover. */
  public static Duration defaultRestart(Duration duration) {
    return duration.compareTo(Duration.ofSeconds(20)) < 0 ? null : Duration.ofMillis(duration.toMillis() * 11 / 20);
  }

  private void restart(Receiver receiver, ProgressLine progress) {
    try {
      progress.note("event: the receiver restarts (down " + Durations.format(RESTART_DOWN)
          + "): connections drop; what is not buffered is lost, acknowledged nodes resend");
      receiver.restart(RESTART_DOWN);
      progress.note("event: the receiver is back on port " + receiver.port() + ", same store");
    } catch (IOException e) {
      progress.note("event: the receiver did not come back: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void introduce(FleetConfig config, Receiver receiver) {
    err.printf("hilbench demo: a receiver and %d simulated NodeMCU + DHT11 nodes on this machine, for %s.%n%n",
        config.nodeCount(), Durations.format(duration));
    err.printf("  %-10s 127.0.0.1:%d, store %s, idle timeout %s%n", "receiver", receiver.port(), db,
        Durations.format(IDLE_TIMEOUT));
    for (NodeGroup g : config.groups()) {
      err.printf("  %-10s %2d nodes, every %s: %s%n", g.name(), g.count(), Durations.format(g.profile().interval()),
          FleetDescription.of(g.profile()));
    }
    java.util.TreeMap<Duration, List<String>> events = new java.util.TreeMap<>();
    for (TimedEvent e : scenario.events()) {
      events.computeIfAbsent(e.at(), k -> new java.util.ArrayList<>()).add(e.describe());
    }
    if (restartAt != null) {
      events.computeIfAbsent(restartAt, k -> new java.util.ArrayList<>())
          .add(Durations.format(restartAt) + " the receiver restarts, down for " + Durations.format(RESTART_DOWN));
    }
    events.headMap(duration).values().forEach(list -> list.forEach(e -> err.printf("  %-10s %s%n", "event", e)));
    err.printf("  %-10s %d (replay this run with ./hilbench demo --seed %d)%n%n", "seed", seed, seed);
    err.flush();
  }

  /** Waits (a few seconds at most) until the receiver has stored everything it parsed. */
  private static void awaitStore(ReceiverServer server) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      ServerStats s = server.stats();
      if (s.storeQueueDepth() == 0 && s.readingsReceived() == s.readingsStored() + s.duplicates()) {
        return;
      }
      try {
        Thread.sleep(20); // polling the receiver's store queue, bounded by the deadline
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static String indent(String text) {
    return text.lines().map(l -> "  " + l).reduce("", (a, b) -> a + b + System.lineSeparator());
  }
}
