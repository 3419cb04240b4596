package dev.hilbench.simulator.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.simulator.cli.SimulateCommand;
import dev.hilbench.simulator.ledger.Ledger;
import dev.hilbench.simulator.ledger.LedgerFile;
import dev.hilbench.simulator.reconcile.Reconciler;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./hilbench simulate} in process, against the real receiver. */
class SimulateCommandTest {

  @TempDir Path dir;

  private record Run(int exit, String out, String err) {}

  private static Run simulate(String... args) {
    StringWriter out = new StringWriter(), err = new StringWriter();
    CommandLine cli = new CommandLine(new SimulateCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void runsAFleetPrintsProgressAndASummaryAndWritesTheLedger() throws Exception {
    Path ledgerFile = dir.resolve("run.ledger");
    try (LiveServer server = LiveServer.start(dir)) {
      Run run = simulate("--server", "127.0.0.1:" + server.address().getPort(), "--devices", "3", "--interval", "100ms",
          "--duration", "2s", "--seed", "5", "--fault", "sensor_fail=0.1", "--ledger", ledgerFile.toString());
      assertEquals(0, run.exit(), run.toString());
      assertTrue(run.err().contains("3 nodes -> 127.0.0.1:") && run.err().contains("seed 5"), run.err());
      assertTrue(run.err().contains("connected 3/3"), "a progress line each second: " + run.err());
      assertTrue(run.out().contains("readings: ") && run.out().contains("sensor_fail"), run.out());
      Ledger ledger = LedgerFile.read(ledgerFile);
      assertEquals(5, ledger.seed());
      assertTrue(Reconciler.reconcile(ledger, server.storedKeys()).ok());
    }
  }

  @Test
  void badUsageExitsWithTwoAndSaysWhatWasWrong() {
    Run fault = simulate("--fault", "dorp=1");
    assertEquals(2, fault.exit(), fault.toString());
    assertTrue(fault.err().contains("unknown fault 'dorp'"), fault.err());
    Run both = simulate("--scenario", "scenarios/demo.yaml", "--devices", "3");
    assertEquals(2, both.exit());
    assertTrue(both.err().contains("--devices cannot be combined with --scenario"), both.err());
    Run server = simulate("--server", "localhost");
    assertEquals(2, server.exit());
    assertTrue(server.err().contains("--server: 'localhost' is not HOST:PORT"), server.err());
  }

  @Test
  void noServerMeansTheRunsOwnCheckFails() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort(); // free now, and nobody listens once closed
    }
    Run run = simulate("--server", "127.0.0.1:" + closedPort, "--devices", "2", "--duration", "1s", "--interval", "200ms");
    assertEquals(1, run.exit(), run.toString());
    assertTrue(run.err().contains("no node ever connected"), run.err());
  }

  @Test
  void helpExplainsEveryFlagAndFault() {
    Run help = simulate("--help");
    assertEquals(0, help.exit());
    for (String s : new String[] {"--server", "--devices", "--interval", "--duration", "--seed", "--scenario", "--fault",
        "--policy", "--base", "--cap", "--ledger", "slicer", "reset_peer", "sensor_fail", "slow_connect"}) {
      assertTrue(help.out().contains(s), s + " in --help");
    }
  }
}
