package dev.hilbench.cli;

import dev.hilbench.cli.bench.BenchPlan;
import dev.hilbench.cli.bench.NetworkAddress;
import dev.hilbench.cli.bench.Preflight;
import dev.hilbench.features.run.SuiteRunner;
import dev.hilbench.features.target.Target;
import dev.hilbench.hil.cli.FlashCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./hilbench bench}: the features against a real NodeMCU. Flashes the board, checks that it
 * joins the Wi-Fi and reaches a server on this machine's LAN address, then runs the suite for the
 * {@code nodemcu} target (each scenario with its own server on that address, the board configured
 * over serial to report to it) and writes the reports.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs the Cucumber features against a real NodeMCU on a serial port:",
      "flashes --image, checks that the board joins the Wi-Fi and reaches this",
      "machine, runs the suite for the nodemcu target, and writes the reports",
      "(HTML, JSON, JUnit XML) under --report-dir.",
      "",
      "The Wi-Fi network comes from HILBENCH_WIFI_SSID and HILBENCH_WIFI_PASSWORD",
      "in the environment, or from --wifi-file; never from the command line. The",
      "password is masked in every log and transcript.",
      "",
      "Example:",
      "  export HILBENCH_WIFI_SSID=lab HILBENCH_WIFI_PASSWORD=...",
      "  ./hilbench bench --port /dev/ttyUSB0 --image hilbench_node.ino.bin",
      "",
      "Exit status: 0 every scenario passed, 1 a scenario or the flashing",
      "failed, 2 bad usage."})
public final class BenchCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--port", paramLabel = "PORT",
      description = "The board's serial port: a path (/dev/ttyUSB0, COM3) or a USB serial number (see ./hilbench ports).")
  String port;

  @Option(names = "--image", paramLabel = "FILE",
      description = "The firmware image (.bin) to flash and test; it carries its version record (HILBENCH-FW:...).")
  Path image;

  @Option(names = "--server-address", paramLabel = "ADDR",
      description = "This machine's address as the board reaches it. Default: found from the network interfaces"
          + " (a private IPv4 address of a real network card).")
  String serverAddress;

  @Option(names = "--tags", paramLabel = "EXPR",
      description = "Only scenarios matching this tag expression, e.g. '@reboot or @restart'. What a real board"
          + " cannot run (@fleet, @needs-sensor-control) is left out in any case.")
  String tags;

  @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "target/hilbench-bench",
      description = "Where the reports, transcripts and databases go. Default: ${DEFAULT-VALUE}.")
  Path reportDir;

  @Option(names = "--wifi-file", paramLabel = "FILE",
      description = "A file with the lines ssid=... and password=... (instead of the environment).")
  Path wifiFile;

  @Option(names = "--no-flash", description = "Test what the board runs now (the flash feature still flashes --image).")
  boolean noFlash;

  /**
   * A password typed on the command line is refused without being echoed (picocli would repeat an
   * unknown option's value in its error): it would stay in the shell's history and show in ps.
   */
  @Option(names = {"--wifi-password", "--wifi-pass", "--password", "--pass", "--wifi-ssid", "--ssid"}, hidden = true,
      paramLabel = "SECRET")
  void credentialsOnTheCommandLine(String ignored) {
    throw new CommandLine.ParameterException(spec.commandLine(), "Wi-Fi credentials are never taken from the command"
        + " line (they would stay in the shell's history and show in ps): set HILBENCH_WIFI_SSID and"
        + " HILBENCH_WIFI_PASSWORD, or use --wifi-file");
  }

  /** The environment the credentials are read from; tests give their own. */
  Map<String, String> environment = System.getenv();

  /** This machine's addresses; tests give their own. */
  BenchPlan.Addresses addresses = NetworkAddress::ofThisMachine;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    BenchPlan plan;
    try {
      plan = BenchPlan.check(port, image, serverAddress, wifiFile, environment, addresses);
    } catch (BenchPlan.UsageProblem e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    out.println(plan.describe());
    out.flush();
    if (!noFlash) {
      int flashed = flash(plan, out, err);
      if (flashed != 0) {
        err.println("hilbench bench: flashing " + plan.image() + " failed; nothing was tested.");
        return 1;
      }
    }
    String problem = Preflight.run(plan, reportDir.resolve("preflight"), out);
    if (problem != null) {
      err.println("hilbench bench: preflight failed: " + problem);
      return 1;
    }
    out.println("Running the features on the board; reports in " + reportDir.toAbsolutePath());
    out.flush();
    int status = SuiteRunner.run(Target.NODEMCU, reportDir, tags, plan.properties(), plan.wifi());
    out.println("Reports: " + reportDir.resolve("report.html") + ", " + reportDir.resolve("report.json") + ", "
        + reportDir.resolve("junit.xml"));
    return status;
  }

  /** Flashes with {@code ./hilbench flash} itself: its progress bar, its esptool words and hints. */
  private int flash(BenchPlan plan, PrintWriter out, PrintWriter err) {
    CommandLine flash = new CommandLine(new FlashCommand()).setOut(out).setErr(err);
    return flash.execute("--port", plan.port(), plan.image().toString());
  }
}
