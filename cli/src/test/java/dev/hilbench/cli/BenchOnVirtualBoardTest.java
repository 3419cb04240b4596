package dev.hilbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.hil.virtual.VirtualNodeMcu;
import dev.hilbench.hil.virtual.VirtualNodeMcuBinary;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code bench} end to end with the virtual NodeMCU standing in for a board on a serial port: its
 * pseudo-terminal is opened as a real board's port would be (no side channel), so preflight, the
 * nodemcu target's board over serial, the suite run and the reports are all exercised. Flashing is
 * left out ({@code --no-flash}, no {@code @flash}): a pseudo-terminal has no reset lines.
 */
class BenchOnVirtualBoardTest {

  private static final String PASSWORD = "not-in-any-file-9137";

  @TempDir Path dir;

  @Test
  void theRebootFeaturePassesOnABoardOverItsSerialPortAndThePasswordStaysSecret() throws Exception {
    Path image = Path.of(VirtualNodeMcuBinary.require().getParent().toString(), "test-image.bin");
    try (VirtualNodeMcu board = VirtualNodeMcu.start(VirtualNodeMcuBinary.require(),
        VirtualNodeMcu.Options.defaults().withEeprom(dir.resolve("eeprom.bin")), dir.resolve("board.log"))) {
      StringWriter out = new StringWriter(), err = new StringWriter();
      CommandLine cli = Main.commandLine();
      cli.setOut(new PrintWriter(out, true));
      cli.setErr(new PrintWriter(err, true));
      BenchCommand bench = cli.getSubcommands().get("bench").getCommand();
      bench.environment = Map.of("HILBENCH_WIFI_SSID", "virtual-lab", "HILBENCH_WIFI_PASSWORD", PASSWORD);
      Path reports = dir.resolve("reports");
      int exit = cli.execute("bench", "--port", board.serialPath(), "--image", image.toString(), "--no-flash",
          "--server-address", "127.0.0.1", "--tags", "@reboot and not @flash", "--report-dir", reports.toString());
      CommandRun run = new CommandRun(exit, out.toString(), err.toString());

      assertEquals(0, exit, run::toString);
      assertTrue(run.out().contains("Preflight: the first reading arrived."), run::toString);
      for (String report : List.of("report.html", "report.json", "junit.xml")) {
        assertTrue(Files.size(reports.resolve(report)) > 0, report);
      }
      String junit = Files.readString(reports.resolve("junit.xml"));
      assertTrue(junit.contains("name=\"hilbench features on nodemcu\"") && junit.contains("tests=\"2\""), junit);
      try (Stream<Path> files = Files.walk(reports)) {
        List<Path> leaking = files.filter(Files::isRegularFile).filter(f -> contains(f, PASSWORD)).toList();
        assertEquals(List.of(), leaking, "files holding the Wi-Fi password");
      }
      assertTrue(Files.walk(reports).anyMatch(f -> f.getFileName().toString().equals("serial-transcript.txt")
          && contains(f, "wifi pass ***")), "the transcripts show the password masked");
    }
  }

  private static boolean contains(Path file, String text) {
    try {
      return new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1).contains(text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
