package dev.hilbench.cli;

import dev.hilbench.cli.demo.DemoRun;
import dev.hilbench.simulator.Durations;
import dev.hilbench.simulator.scenario.Scenario;
import dev.hilbench.simulator.scenario.ScenarioFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./hilbench demo}: the receiver and a mixed fleet with faults, ending with the reconciliation. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "A receiver and a fleet of simulated nodes with faults, then the reconciliation.",
      "A receiver on 127.0.0.1 and 24 nodes for about half a minute (classroom",
      "sketches, nodes without hello, a flaky link, acknowledged delivery; silences,",
      "reboots and a restart of the receiver on the way), the live progress, then",
      "the simulator's ledger held against the receiver's store. Exit status 0 when",
      "every check holds. The fleet is simulator/scenarios/demo.yaml.",
      ""})
public final class DemoCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "30s", description = "How long the fleet runs (default: ${DEFAULT-VALUE}).")
  String duration;

  @Option(names = "--seed", paramLabel = "S", description = "Fleet seed, to replay a run (default: random, printed).")
  Long seed;

  @Option(names = "--restart-at", paramLabel = "DURATION",
      description = "When the receiver restarts (down 2 s), or 'never' (default: a little past the middle of a run of 20 s or more).")
  String restartAt;

  @Option(names = "--db", paramLabel = "FILE", description = "The receiver's store (default: a new file in a temporary directory).")
  Path db;

  @Option(names = "--ledger", paramLabel = "FILE", description = "Also write the simulator's ledger to FILE (for the reconcile command).")
  Path ledger;

  @Override
  public Integer call() throws Exception {
    Duration runFor, restart;
    try {
      runFor = Durations.parse(duration);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--duration: " + e.getMessage());
    }
    try {
      restart = restartAt == null ? DemoRun.defaultRestart(runFor) : restartAt.equals("never") ? null : Durations.parse(restartAt);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--restart-at: " + e.getMessage());
    }
    Scenario scenario = ScenarioFile.builtIn("demo");
    long runSeed = seed != null ? seed : new java.util.Random().nextLong() >>> 20;
    Path store = db != null ? db : Files.createTempDirectory("hilbench-demo-").resolve("demo.db");
    boolean ok = new DemoRun(scenario, runSeed, runFor, restart, store, ledger, spec.commandLine().getOut(),
        spec.commandLine().getErr(), System.console() != null).run();
    return ok ? 0 : 1;
  }
}
