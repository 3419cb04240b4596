package dev.hilbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.cli.bench.NetworkAddress;
import dev.hilbench.hil.image.ImageBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What {@code bench} does before it needs a board: argument checks (exit 2 with the fix in words),
 * and secrets kept out of everything it prints. The run against a board needs hardware.
 */
class BenchCommandTest {

  private static final String PASSWORD = "correct-horse-battery";
  private static final Map<String, String> WIFI = Map.of("HILBENCH_WIFI_SSID", "bench-lab",
      "HILBENCH_WIFI_PASSWORD", PASSWORD);
  private static final List<NetworkAddress> LAN = List.of(new NetworkAddress("wlan0", "192.168.1.23", true, false,
      false, false));

  @TempDir Path dir;

  private Path image() throws Exception {
    byte[] data = "HILBENCH-FW:9.9.9\0\0\0".getBytes(StandardCharsets.US_ASCII);
    return Files.write(dir.resolve("fw.bin"), new ImageBuilder().entry(0x40100000).segment(0x3FFE8000, data).build());
  }

  private CommandRun bench(Map<String, String> environment, List<NetworkAddress> addresses, String... args) {
    StringWriter out = new StringWriter(), err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    BenchCommand bench = cli.getSubcommands().get("bench").getCommand();
    bench.environment = environment;
    bench.addresses = () -> addresses;
    String[] all = new String[args.length + 1];
    all[0] = "bench";
    System.arraycopy(args, 0, all, 1, args.length);
    int exit = cli.execute(all);
    return new CommandRun(exit, out.toString(), err.toString());
  }

  @Test
  void noPortIsBadUsageSayingHowToFindOne() throws Exception {
    CommandRun run = bench(WIFI, LAN, "--image", image().toString());
    assertEquals(2, run.exit(), run::toString);
    assertTrue(run.err().contains("no --port: name the board's serial port") && run.err().contains("./hilbench ports"),
        run::toString);
  }

  @Test
  void noCredentialsIsBadUsageNamingWhereTheyAreLookedFor() throws Exception {
    CommandRun run = bench(Map.of(), LAN, "--port", "/dev/ttyUSB7", "--image", image().toString());
    assertEquals(2, run.exit(), run::toString);
    assertTrue(run.err().contains("set HILBENCH_WIFI_SSID and HILBENCH_WIFI_PASSWORD"), run::toString);
  }

  @Test
  void aPasswordOnTheCommandLineIsRefusedWithoutEchoingIt() throws Exception {
    CommandRun run = bench(WIFI, LAN, "--port", "/dev/ttyUSB7", "--image", image().toString(), "--wifi-password",
        PASSWORD);
    assertEquals(2, run.exit(), run::toString);
    assertTrue(run.err().contains("Wi-Fi credentials are never taken from the command line"), run::toString);
    assertFalse(run.out().contains(PASSWORD) || run.err().contains(PASSWORD), "the password was echoed:\n" + run);
  }

  @Test
  void noImageOrNoVersionRecordIsBadUsage() throws Exception {
    CommandRun missing = bench(WIFI, LAN, "--port", "/dev/ttyUSB7", "--image", dir.resolve("nope.bin").toString());
    assertEquals(2, missing.exit(), missing::toString);
    assertTrue(missing.err().contains("no such image file: " + dir.resolve("nope.bin")), missing::toString);
    Path plain = Files.write(dir.resolve("plain.bin"), new ImageBuilder().entry(0x40100000).segment(0x3FFE8000,
        new byte[16]).build());
    CommandRun unversioned = bench(WIFI, LAN, "--port", "/dev/ttyUSB7", "--image", plain.toString());
    assertEquals(2, unversioned.exit(), unversioned::toString);
    assertTrue(unversioned.err().contains("carries no version record"), unversioned::toString);
  }

  @Test
  void noLanAddressIsBadUsageSuggestingServerAddress() throws Exception {
    CommandRun run = bench(WIFI, List.of(new NetworkAddress("lo", "127.0.0.1", true, true, false, false)),
        "--port", "/dev/ttyUSB7", "--image", image().toString());
    assertEquals(2, run.exit(), run::toString);
    assertTrue(run.err().contains("no LAN address found") && run.err().contains("--server-address"), run::toString);
  }

  @Test
  void aBoardThatIsNotThereFailsTheFlashingWithoutEverPrintingThePassword() throws Exception {
    Path missingPort = dir.resolve("ttyUSB-gone");
    CommandRun run = bench(WIFI, LAN, "--port", missingPort.toString(), "--image", image().toString(),
        "--report-dir", dir.resolve("reports").toString());
    assertEquals(1, run.exit(), run::toString);
    assertTrue(run.out().contains("Network: Wi-Fi 'bench-lab' (password set) from the environment"), run::toString);
    assertTrue(run.out().contains("Server:  192.168.1.23 (wlan0)"), run::toString);
    assertTrue(run.out().contains("Image:   " + dir.resolve("fw.bin") + " (version 9.9.9)"), run::toString);
    assertTrue(run.err().contains("flashing " + dir.resolve("fw.bin") + " failed; nothing was tested"), run::toString);
    assertFalse(run.out().contains(PASSWORD) || run.err().contains(PASSWORD), "the password was printed");
  }

  @Test
  void credentialsFromAFileNameTheFileNotTheirContent() throws Exception {
    Path wifi = Files.writeString(dir.resolve("wifi.env"), "ssid=lab-2\npassword=" + PASSWORD + "\n");
    CommandRun run = bench(Map.of(), LAN, "--port", dir.resolve("gone").toString(), "--image", image().toString(),
        "--wifi-file", wifi.toString(), "--report-dir", dir.resolve("reports").toString());
    assertTrue(run.out().contains("Network: Wi-Fi 'lab-2' (password set) from " + wifi), run::toString);
    assertFalse(run.out().contains(PASSWORD) || run.err().contains(PASSWORD), "the password was printed");
  }
}
