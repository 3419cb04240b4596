import dev.hilbench.simulator.Fleet;
import dev.hilbench.simulator.FleetConfig;
import dev.hilbench.simulator.FleetStats;
import dev.hilbench.simulator.Jitter;
import dev.hilbench.simulator.NodeGroup;
import dev.hilbench.simulator.NodeProfile;
import dev.hilbench.simulator.net.SourceAddresses;
import dev.hilbench.simulator.policy.BackoffSettings;
import dev.hilbench.simulator.policy.PolicyKind;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A reconnect storm: a fleet connected to a server, the server killed, down for a while, started
 * again on the same port; how fast each reconnect policy brings the fleet back, the peak accept
 * rate it causes, and the connection attempts it costs per node.
 *
 * <p>Run by bench/simulator/run.sh; arguments: nodes, down seconds, multiplier, results file, policies...
 */
public final class StormBench {

  record Result(PolicyKind policy, double multiplier, int nodes, double outage, double t95, double t100,
      long peakAcceptRate, double attemptsPerNode, long timeouts, boolean met) {}

  public static void main(String[] args) throws Exception {
    int nodes = Integer.parseInt(args[0]);
    int downSeconds = Integer.parseInt(args[1]);
    double multiplier = Double.parseDouble(args[2]);
    Path results = Path.of(args[3]);
    List<PolicyKind> policies = new ArrayList<>();
    for (int i = 4; i < args.length; i++) {
      policies.add(PolicyKind.parse(args[i]));
    }
    Path jar = Path.of("cli/target/hilbench.jar");
    List<Result> all = new ArrayList<>();
    for (PolicyKind policy : policies) {
      all.add(storm(jar, policy, multiplier, nodes, downSeconds));
    }
    StringBuilder s = new StringBuilder();
    s.append("| policy (base 1 s, cap 30 s) | multiplier | server down | 95 % back after reopening | all back | peak accept rate | attempts per node | connect timeouts |\n");
    s.append("|---|---|---|---|---|---|---|---|\n");
    for (Result r : all) {
      s.append(String.format("| %s | %s | %.1f s | %s | %s | %,d/s | %.1f | %,d |%n", r.policy(),
          r.policy() == PolicyKind.FIXED || r.policy() == PolicyKind.DECORRELATED_JITTER ? "-" : String.valueOf(r.multiplier()),
          r.outage(), seconds(r.t95()), seconds(r.t100()), r.peakAcceptRate(), r.attemptsPerNode(), r.timeouts()));
    }
    System.out.print(s);
    Files.writeString(results, s.toString());
    boolean fullJitterMet = all.stream().filter(r -> r.policy() == PolicyKind.FULL_JITTER).allMatch(Result::met);
    System.exit(fullJitterMet ? 0 : 1);
  }

  private static String seconds(double t) {
    return t < 0 ? "not within 60 s" : String.format("%.1f s", t);
  }

  static Result storm(Path jar, PolicyKind policy, double multiplier, int nodes, int downSeconds) throws Exception {
    Path dir = Files.createTempDirectory("hilbench-storm-");
    int port = BenchServer.freeFixedPort();
    BackoffSettings backoff = new BackoffSettings(policy, Duration.ofSeconds(1), Duration.ofSeconds(30), multiplier,
        Duration.ofSeconds(10), Duration.ofSeconds(5));
    NodeProfile profile = NodeProfile.CLASSROOM.withInterval(Duration.ofSeconds(5)).withJitter(Jitter.parse("uniform:200ms"))
        .withReconnect(backoff);
    FleetConfig config = new FleetConfig(new InetSocketAddress("127.0.0.1", port), 15_000, FleetConfig.newRunId(),
        List.of(new NodeGroup("n", nodes, profile)), new SourceAddresses.PerNode(), 5000, 2);
    Path log = dir.resolve("server.log");
    BenchServer server = BenchServer.start(jar, port, dir.resolve("storm.db"), 4096, log);
    Fleet fleet = Fleet.start(config);
    try {
      await(fleet, nodes, 120);
      Thread.sleep(11_000); // connections older than reset_after (10 s): the count starts over after the outage
      FleetStats before = fleet.stats();
      long attemptsBefore = before.connects() + before.connectFailures();
      System.out.printf("%s: %,d connected; killing the server for %d s%n", policy, before.connected(), downSeconds);
      long down = System.nanoTime();
      server.kill();
      Thread.sleep(downSeconds * 1000L); // the outage itself
      server = BenchServer.start(jar, port, dir.resolve("storm.db"), 4096, log);
      long up = System.nanoTime();
      double outage = (up - down) / 1e9; // includes the new server's start-up
      double t95 = -1, t100 = -1;
      PeakConnectRate connectRate = new PeakConnectRate(fleet.stats().connects(), up);
      while (System.nanoTime() - up < 60e9) {
        Thread.sleep(50); // sampling the fleet's counters
        FleetStats s = fleet.stats();
        long now = System.nanoTime();
        connectRate.sample(s.connects(), now);
        double t = (now - up) / 1e9;
        if (t95 < 0 && s.connected() >= 0.95 * nodes) {
          t95 = t;
        }
        if (s.connected() == nodes) {
          t100 = t;
          break;
        }
      }
      FleetStats after = fleet.stats();
      long peak = connectRate.peak();
      double attempts = (after.connects() + after.connectFailures() - attemptsBefore) / (double) nodes;
      System.out.printf("%s: 95%% after %.1f s, all after %.1f s, peak %,d/s, %.1f attempts per node%n", policy, t95, t100,
          peak, attempts);
      boolean met = t95 >= 0 && t95 <= 15 && t100 >= 0 && t100 <= 60;
      return new Result(policy, multiplier, nodes, outage, t95, t100, peak, attempts,
          after.connectTimeouts() - before.connectTimeouts(), met);
    } finally {
      fleet.stop(Duration.ofSeconds(2));
      server.close();
    }
  }

  private static void await(Fleet fleet, int nodes, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (fleet.stats().connected() < nodes) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("only " + fleet.stats().connected() + " of " + nodes + " connected");
      }
      Thread.sleep(100); // sampling, bounded by the deadline
    }
  }
}
