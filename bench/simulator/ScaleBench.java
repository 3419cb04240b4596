import dev.hilbench.server.store.ReadingStore;
import dev.hilbench.simulator.DeliveryMode;
import dev.hilbench.simulator.Fleet;
import dev.hilbench.simulator.FleetConfig;
import dev.hilbench.simulator.FleetStats;
import dev.hilbench.simulator.Jitter;
import dev.hilbench.simulator.NodeGroup;
import dev.hilbench.simulator.NodeProfile;
import dev.hilbench.simulator.ledger.Ledger;
import dev.hilbench.simulator.net.SourceAddresses;
import dev.hilbench.simulator.reconcile.Reconciler;
import dev.hilbench.simulator.reconcile.Reconciliation;
import dev.hilbench.simulator.reconcile.StoredKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * As many simulated nodes as one process may open here, connected and reporting to one server in
 * another process: time to connect them all, connect rate, readings per second, heap per node,
 * then the ledger reconciled with the server's store.
 *
 * <p>Run by bench/simulator/run.sh; arguments: nodes, ramp-up rate (0 = all at once), seconds
 * of reporting, event-loop threads, results file.
 */
public final class ScaleBench {

  public static void main(String[] args) throws Exception {
    int nodes = Integer.parseInt(args[0]);
    double ramp = Double.parseDouble(args[1]);
    int holdSeconds = Integer.parseInt(args[2]);
    int threads = Integer.parseInt(args[3]);
    Path results = Path.of(args[4]);
    Path jar = Path.of("cli/target/hilbench.jar");
    Path dir = Files.createTempDirectory("hilbench-scale-");
    long seed = 19_000;

    int port = BenchServer.freeFixedPort();
    try (BenchServer server = BenchServer.start(jar, port, dir.resolve("scale.db"), 4096, dir.resolve("server.log"))) {
      NodeProfile profile = NodeProfile.CLASSROOM.withInterval(Duration.ofSeconds(5)).withJitter(Jitter.parse("uniform:200ms"))
          .withDelivery(DeliveryMode.CLASSROOM);
      FleetConfig config = new FleetConfig(new java.net.InetSocketAddress("127.0.0.1", port), seed, FleetConfig.newRunId(),
          List.of(new NodeGroup("n", nodes, profile)), new SourceAddresses.PerNode(), ramp, threads);
      long heapBefore = Heap.usedAfterGc();
      long t0 = System.nanoTime();
      Fleet fleet = Fleet.start(config);
      PeakConnectRate connectRate = new PeakConnectRate(0, t0);
      double allConnectedAt = -1;
      while (System.nanoTime() - t0 < 180e9) {
        Thread.sleep(100); // sampling the fleet's counters
        FleetStats s = fleet.stats();
        long now = System.nanoTime();
        connectRate.sample(s.connects(), now);
        if (s.connected() == nodes) {
          allConnectedAt = (now - t0) / 1e9;
          break;
        }
      }
      FleetStats connected = fleet.stats();
      System.out.printf("connected %d/%d in %.1f s (%d failed attempts)%n", connected.connected(), nodes, allConnectedAt,
          connected.connectFailures());
      long sentBefore = fleet.stats().sent();
      long tHold = System.nanoTime();
      int minConnected = nodes;
      while (System.nanoTime() - tHold < holdSeconds * 1e9) {
        Thread.sleep(500); // sampling during the reporting period
        minConnected = Math.min(minConnected, fleet.stats().connected());
      }
      double readingsPerSecond = (fleet.stats().sent() - sentBefore) / ((System.nanoTime() - tHold) / 1e9);
      long heapAfter = Heap.usedAfterGc();
      FleetStats end = fleet.stats();
      Ledger ledger = fleet.stop(Duration.ofSeconds(10));
      server.close();
      List<StoredKey> store = ReadingStore.readAll(server.db).stream().map(r -> new StoredKey(r.device(), r.boot(), r.seq())).toList();
      Reconciliation rec = Reconciler.reconcile(ledger, store);
      double perNode = (heapAfter - heapBefore) / (double) nodes;
      String verdict = connected.connected() == nodes && perNode < 8192 && rec.ok() ? "met" : "MISSED";
      String report = String.format("""
          | measure | result |
          |---|---|
          | nodes connected and reporting | %,d of %,d (fewest connected while reporting: %,d) |
          | time to connect them all | %.1f s (ramp-up %s), %,d failed attempts |
          | connect rate | %,.0f nodes/s on average, %,d/s at peak (1 s windows) |
          | readings | %,.0f readings/s over %d s (one every 5 s per node) |
          | heap per simulated node | %,.0f bytes (%.1f MB for the fleet; target under 8 KB) |
          | event-loop threads | %d |
          | reconciliation | %s: %,d generated, %,d stored, %,d lost in transit, %,d duplicated |
          | verdict | %s |
          """, connected.connected(), nodes, minConnected, allConnectedAt, ramp == 0 ? "all at once" : ramp + " nodes/s",
          connected.connectFailures(), nodes / allConnectedAt, connectRate.peak(), readingsPerSecond, holdSeconds, perNode,
          (heapAfter - heapBefore) / 1e6, threads, rec.ok() ? "ok" : "FAILED " + rec.problems().stream().limit(3).toList(),
          rec.total().generated(), rec.total().stored(), rec.total().lostInTransit(), rec.total().duplicated(), verdict);
      System.out.print(report);
      Files.writeString(results, report);
      System.out.println("fleet errors: " + fleet.errors().size() + ", generated " + end.generated());
      System.exit(verdict.equals("met") ? 0 : 1);
    }
  }
}
