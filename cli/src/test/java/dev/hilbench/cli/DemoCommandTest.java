package dev.hilbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.simulator.ledger.LedgerFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./hilbench demo}, shortened: a real receiver, the demo fleet, the reconciliation. */
class DemoCommandTest {

  @TempDir Path dir;

  @Test
  void aShortDemoRunsThroughAndItsChecksHold() throws Exception {
    Path db = dir.resolve("demo.db"), ledger = dir.resolve("demo.ledger");
    CommandRun run = CommandRun.of("demo", "--duration", "5s", "--seed", "3", "--db", db.toString(), "--ledger", ledger.toString());
    assertEquals(0, run.exit(), run.toString());
    assertTrue(run.err().contains("24 simulated NodeMCU + DHT11 nodes") && run.err().contains("seed       3"), run.toString());
    assertTrue(run.err().contains("connected 24/24"), "the live progress shows the fleet connected\n" + run);
    assertTrue(run.out().contains("total (24 devices)"), run.toString());
    assertTrue(run.out().contains("ok    every acknowledged reading is stored"), run.toString());
    assertTrue(run.out().contains("demo passed"), run.toString());
    assertTrue(Files.size(db) > 0);
    assertEquals(24, LedgerFile.read(ledger).records().stream().map(r -> r.device()).distinct().count());
  }

  @Test
  void theReceiverRestartsAndNothingAcknowledgedIsLost() throws Exception {
    CommandRun run = CommandRun.of("demo", "--duration", "7s", "--restart-at", "2s", "--seed", "4",
        "--db", dir.resolve("restart.db").toString());
    assertEquals(0, run.exit(), run.toString());
    assertTrue(run.err().contains("event: the receiver restarts") && run.err().contains("event: the receiver is back"),
        run.toString());
    assertTrue(run.out().contains("The receiver (restarted once) stored"), run.toString());
    assertTrue(run.out().contains("ok    every acknowledged reading is stored"), run.toString());
  }

  @Test
  void aBadDurationIsBadUsage() {
    CommandRun run = CommandRun.of("demo", "--duration", "soon");
    assertEquals(2, run.exit(), run.toString());
    assertTrue(run.err().contains("--duration: 'soon' is not a duration"), run.toString());
  }
}
