package dev.hilbench.cli.experiment;

import dev.hilbench.simulator.DeliveryMode;
import dev.hilbench.simulator.Durations;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./hilbench experiment restart}: how fast each reconnect policy brings a fleet back after a receiver restart. */
@Command(
    name = "restart",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "How fast each reconnect policy brings a fleet back after a receiver restart.",
      "For each policy in turn, on this machine: a receiver on 127.0.0.1 (a free",
      "port below 32768), N simulated nodes connected and settled, the receiver down",
      "for --down and back on the same port, until every node is back and has",
      "delivered a few readings; then the ledger is reconciled with the store.",
      "Prints a table (time to 50/95/100 %% back, peak accept rate, attempts and",
      "readings lost per node) and writes report.md, nodes.csv, seconds.csv and PNG",
      "charts to --out. Exit status 0 when every run completed and reconciled.",
      "",
      "Example:",
      "  ./hilbench experiment restart --devices 2000 --down 10s",
      ""})
public final class RestartCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--devices", paramLabel = "N", defaultValue = "1000", description = "Nodes in the fleet (default: ${DEFAULT-VALUE}).")
  int devices;

  @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "1s", description = "Time between a node's readings (default: ${DEFAULT-VALUE}).")
  String interval;

  @Option(names = "--down", paramLabel = "DURATION", defaultValue = "5s", description = "How long the receiver stays down (default: ${DEFAULT-VALUE}).")
  String down;

  @Option(names = "--policy", paramLabel = "LIST", defaultValue = "fixed,exponential,full_jitter,decorrelated",
      description = "Reconnect policies to compare, run in this order (default: ${DEFAULT-VALUE}).")
  String policies;

  @Option(names = "--base", paramLabel = "DURATION", defaultValue = "1s", description = "First backoff delay; every delay for fixed (default: ${DEFAULT-VALUE}).")
  String base;

  @Option(names = "--cap", paramLabel = "DURATION", defaultValue = "30s", description = "Longest backoff delay (default: ${DEFAULT-VALUE}).")
  String cap;

  @Option(names = "--multiplier", paramLabel = "M", defaultValue = "2", description = "Growth per attempt of the exponential policies (default: ${DEFAULT-VALUE}).")
  double multiplier;

  @Option(names = "--reset-after", paramLabel = "DURATION", defaultValue = "10s",
      description = "A connection that lasted this long starts the attempt count over; the fleet runs this long before the outage (default: ${DEFAULT-VALUE}).")
  String resetAfter;

  @Option(names = "--connect-timeout", paramLabel = "DURATION", defaultValue = "5s", description = "A connection attempt fails after this (default: ${DEFAULT-VALUE}).")
  String connectTimeout;

  @Option(names = "--mode", paramLabel = "MODE", defaultValue = "classroom",
      description = "Delivery: classroom (send and forget), buffered, acknowledged (default: ${DEFAULT-VALUE}).")
  String mode;

  @Option(names = "--seed", paramLabel = "S", description = "Fleet seed, the same for every policy (default: random, printed).")
  Long seed;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "60s",
      description = "How long after the port reopens a run waits for every node (default: ${DEFAULT-VALUE}).")
  String timeout;

  @Option(names = "--readings-after", paramLabel = "N", defaultValue = "3",
      description = "Readings each node must deliver after it is back before a run ends (default: ${DEFAULT-VALUE}).")
  int readingsAfter;

  @Option(names = "--backlog", paramLabel = "N", defaultValue = "4096", description = "The receiver's listen backlog (default: ${DEFAULT-VALUE}).")
  int backlog;

  @Option(names = "--out", paramLabel = "DIR", description = "Where the results go (default: target/experiment-<time>/).")
  Path out;

  @Override
  public Integer call() throws Exception {
    System.setProperty("java.awt.headless", "true"); // the charts are drawn without a display
    RestartPlan plan = plan();
    PrintStream serverErr = System.err; // the receiver's own problems (a failing store), straight to the terminal
    boolean ok = new RestartExperiment(plan, spec.commandLine().getOut(), spec.commandLine().getErr(),
        System.console() != null, serverErr).run();
    return ok ? 0 : 1;
  }

  /** The options checked and put together; a bad one is a usage error that names it. */
  RestartPlan plan() {
    Duration i = duration("--interval", interval), d = duration("--down", down), b = duration("--base", base);
    Duration c = duration("--cap", cap), r = duration("--reset-after", resetAfter);
    Duration ct = duration("--connect-timeout", connectTimeout), t = duration("--timeout", timeout);
    try {
      var kinds = PolicyList.parse(policies);
      DeliveryMode m = DeliveryMode.parse(mode);
      long s = seed != null ? seed : new Random().nextLong() >>> 20; // short enough to type back
      Path dir = out != null ? out
          : Path.of("target", "experiment-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
      return new RestartPlan(devices, i, d, kinds, b, c, multiplier, r, ct, m, s, t, readingsAfter, backlog, dir);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private Duration duration(String option, String text) {
    try {
      return Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), option + ": " + e.getMessage());
    }
  }
}
