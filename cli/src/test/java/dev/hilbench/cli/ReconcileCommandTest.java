package dev.hilbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.server.OutputMode;
import dev.hilbench.server.ReceiverServer;
import dev.hilbench.server.ServerConfig;
import dev.hilbench.simulator.Fleet;
import dev.hilbench.simulator.FleetConfig;
import dev.hilbench.simulator.NodeProfile;
import dev.hilbench.simulator.ledger.Ledger;
import dev.hilbench.simulator.ledger.LedgerFile;
import dev.hilbench.simulator.ledger.LedgerRecord;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./hilbench reconcile} on a real run: a receiver's SQLite store and the fleet's ledger file. */
class ReconcileCommandTest {

  private static final long SEED = 99;

  @TempDir Path dir;
  private Path db;
  private Path ledgerFile;
  private Ledger ledger;

  @BeforeEach
  void runAFleet() throws Exception {
    db = dir.resolve("store.db");
    ledgerFile = dir.resolve("run.ledger");
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    ServerConfig config = ServerConfig.forTests(db).withAdminPort(-1).withOutput(OutputMode.QUIET);
    try (ReceiverServer server = ReceiverServer.start(config, quiet, quiet)) {
      NodeProfile profile = NodeProfile.CLASSROOM.withInterval(Duration.ofMillis(50)).withAssociation(Duration.ofMillis(5));
      try (Fleet fleet = Fleet.start(FleetConfig.simple(new InetSocketAddress("127.0.0.1", server.port()), SEED, 4, profile))) {
        Awaitility.await("10 readings per node").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
            .until(() -> fleet.nodes().stream().allMatch(n -> n.nextSeq() >= 10));
        ledger = fleet.stop(Duration.ofSeconds(3));
      }
      Awaitility.await("the store to catch up").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
          .until(() -> server.stats().readingsReceived() == server.stats().readingsStored());
    }
    LedgerFile.write(ledger, ledgerFile);
  }

  @Test
  void aCleanRunReconcilesExactly() {
    CommandRun run = CommandRun.of("reconcile", "--db", db.toString(), "--ledger", ledgerFile.toString());
    assertEquals(0, run.exit(), run.toString());
    assertTrue(run.out().contains("total (4 devices)"), run.toString());
    assertTrue(run.out().contains("ok    losses in transit: 0, within the 0"), run.toString());
  }

  @Test
  void aLedgerThatDisagreesWithTheStoreFails() throws Exception {
    // Claim the first reading of the first node was dropped: the store holds it, so a check must fail.
    List<LedgerRecord> records = new ArrayList<>(ledger.records());
    LedgerRecord first = records.get(0);
    records.set(0, new LedgerRecord(first.device(), first.boot(), first.group(), "d" + first.fates().substring(1),
        first.abruptEnds(), first.resends()));
    LedgerFile.write(new Ledger(ledger.seed(), ledger.run(), records), ledgerFile);
    CommandRun run = CommandRun.of("reconcile", "--db", db.toString(), "--ledger", ledgerFile.toString());
    assertEquals(1, run.exit(), run.toString());
    assertTrue(run.out().contains("FAIL  the store holds nothing the nodes did not send intact"), run.toString());
    assertTrue(run.out().contains(first.boot() + "#0 (drop)"), run.toString());
    assertTrue(run.out().contains("seed " + SEED), "a failure names the seed\n" + run);
  }

  @Test
  void missingOrBrokenInputIsBadUsageNamingTheFile() throws Exception {
    CommandRun missing = CommandRun.of("reconcile", "--db", dir.resolve("nope.db").toString(), "--ledger", ledgerFile.toString());
    assertEquals(2, missing.exit(), missing.toString());
    assertTrue(missing.err().contains("no such file: ") && missing.err().contains("nope.db"), missing.toString());
    Path broken = dir.resolve("broken.ledger");
    Files.writeString(broken, Files.readString(ledgerFile) + "{not json\n");
    CommandRun bad = CommandRun.of("reconcile", "--db", db.toString(), "--ledger", broken.toString());
    assertEquals(2, bad.exit(), bad.toString());
    assertTrue(bad.err().contains("broken.ledger:6: not JSON"), bad.toString());
  }
}
