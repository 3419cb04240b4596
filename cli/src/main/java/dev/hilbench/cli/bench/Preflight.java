package dev.hilbench.cli.bench;

import dev.hilbench.features.dut.DeviceSettings;
import dev.hilbench.features.dut.nodemcu.UsbBoard;
import dev.hilbench.features.dut.nodemcu.WifiCredentials;
import dev.hilbench.features.dut.serial.SerialDut;
import dev.hilbench.features.fixture.Waits;
import dev.hilbench.server.OutputMode;
import dev.hilbench.server.ReceiverServer;
import dev.hilbench.server.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Before the suite: a server on the LAN address, the board configured over serial to join the
 * Wi-Fi and report to it, and one reading received. If that fails, nothing else can pass, and the
 * board's own log says why (no Wi-Fi, connect refused): one clear failure instead of a report full
 * of the same one.
 */
public final class Preflight {

  /** Joining Wi-Fi and connecting takes a real board a few seconds; this is generous. */
  static final Duration FIRST_READING = Duration.ofSeconds(45);

  private Preflight() {}

  /** @return null when a reading arrived, else what went wrong in words */
  public static String run(BenchPlan plan, Path dir, PrintWriter out) throws IOException {
    Files.createDirectories(dir);
    ByteArrayOutputStream serverLog = new ByteArrayOutputStream();
    ServerConfig config = ServerConfig.forTests(null).withBind(plan.serverAddress()).withPort(0).withAdminPort(-1)
        .withOutput(OutputMode.LINES);
    try (ReceiverServer server = ReceiverServer.start(config, new PrintStream(serverLog, true, StandardCharsets.UTF_8));
        SerialDut board = new SerialDut(new UsbBoard(plan.port(), plan.wifi()), dir)) {
      board.start(DeviceSettings.of(1, plan.serverAddress(), server.port(), Duration.ofMillis(500), 1));
      out.printf("Preflight: %s booted; waiting for it to join %s and report to %s:%d ...%n",
          board.devices().get(0), plan.wifi(), plan.serverAddress(), server.port());
      out.flush();
      try {
        Waits.upTo(FIRST_READING, "a first reading from the board").until(() -> server.stats().readingsReceived() > 0);
      } catch (ConditionTimeoutException e) {
        return "no reading reached " + plan.serverAddress() + ":" + server.port() + " within "
            + FIRST_READING.toSeconds() + " s. Is the board on the same network as this machine, and does its"
            + " firewall let port " + server.port() + " in? The board's last lines:\n" + lastLines(board.transcript(), 15);
      }
      out.println("Preflight: the first reading arrived.");
      return null;
    }
  }

  private static String lastLines(String transcript, int n) {
    String[] lines = transcript.split("\n");
    StringBuilder s = new StringBuilder();
    for (int i = Math.max(0, lines.length - n); i < lines.length; i++) {
      s.append("  ").append(lines[i]).append('\n');
    }
    return s.toString();
  }
}
