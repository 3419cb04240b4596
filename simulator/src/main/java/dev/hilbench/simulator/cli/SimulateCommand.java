package dev.hilbench.simulator.cli;

import dev.hilbench.simulator.DeliveryMode;
import dev.hilbench.simulator.Durations;
import dev.hilbench.simulator.Fleet;
import dev.hilbench.simulator.FleetConfig;
import dev.hilbench.simulator.Jitter;
import dev.hilbench.simulator.NodeGroup;
import dev.hilbench.simulator.NodeProfile;
import dev.hilbench.simulator.fault.FaultCatalog;
import dev.hilbench.simulator.fault.FaultSet;
import dev.hilbench.simulator.ledger.Ledger;
import dev.hilbench.simulator.ledger.LedgerFile;
import dev.hilbench.simulator.policy.BackoffSettings;
import dev.hilbench.simulator.policy.PolicyKind;
import dev.hilbench.simulator.scenario.FleetRun;
import dev.hilbench.simulator.scenario.Scenario;
import dev.hilbench.simulator.scenario.ScenarioFile;
import dev.hilbench.simulator.net.HostPort;
import dev.hilbench.simulator.scenario.SourceAddressesParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./hilbench simulate}: a fleet of simulated NodeMCU + DHT11 nodes against a server. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs a fleet of simulated NodeMCU (ESP8266) + DHT11 nodes against a receiver.",
      "With faults, reconnect policies and a ledger of every reading's fate; a",
      "progress line each second on stderr, a summary at the end. Exit status 1 if",
      "the run's own checks fail.",
      "",
      "Example:",
      "  ./hilbench simulate --server 127.0.0.1:5050 --devices 20 --interval 1s \\",
      "      --duration 30s --fault sensor_fail=0.05 \\",
      "      --fault slicer=0.5,average_size=3 --ledger run.ledger",
      ""},
    modelTransformer = SimulateCommand.Footer.class)
public final class SimulateCommand implements Callable<Integer> {

  /** The footer: every fault the simulator applies, from the shared vocabulary. */
  static final class Footer implements CommandLine.IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec command) {
      command.usageMessage().footer(FaultHelp.footer(
          List.of("", "Faults (--fault NAME[=PROBABILITY][,KEY=VALUE...], as in scenario files, the",
              "proxy and the firmware console; docs/faults.md): device faults roll per",
              "reading cycle, network faults per connection (stream=upstream only: the",
              "proxy does downstream). PROBABILITY 0..1 defaults to 1; a duration may",
              "take us, ms or s."),
          FaultCatalog.help(),
          List.of("", "Reconcile the ledger with the server's store afterwards:",
              "  ./hilbench reconcile --db hilbench.db --ledger run.ledger")));
      return command;
    }
  }

  @Spec CommandSpec spec;

  @Option(names = "--server", paramLabel = "HOST:PORT", description = "The receiver to connect to (default: 127.0.0.1:5050, or the scenario's).")
  String server;

  @Option(names = "--devices", paramLabel = "N", description = "Number of nodes (default: ${DEFAULT-VALUE}).", defaultValue = "10")
  int devices;

  @Option(names = "--interval", paramLabel = "DURATION", description = "Time between readings, e.g. 5s, 500ms (default: ${DEFAULT-VALUE}).", defaultValue = "5s")
  String interval;

  @Option(names = "--duration", paramLabel = "DURATION", description = "How long the fleet runs (default: the scenario's, or 60s).")
  String duration;

  @Option(names = "--seed", paramLabel = "S", description = "Fleet seed: the same seed makes the same fault decisions (default: random, printed).")
  Long seed;

  @Option(names = "--scenario", paramLabel = "FILE", description = "A YAML scenario: groups of nodes with their profiles, ramp-up, timed events (see docs/simulator.md).")
  Path scenario;

  @Option(names = "--delivery", paramLabel = "MODE", description = "classroom (send and forget), buffered (ring of unsent readings) or acknowledged (kept until #ack) (default: ${DEFAULT-VALUE}).", defaultValue = "classroom")
  String delivery;

  @Option(names = "--buffer", paramLabel = "N", description = "Ring buffer size in readings (default: ${DEFAULT-VALUE}).", defaultValue = "64")
  int buffer;

  @Option(names = "--no-hello", description = "Send no #hello: the server knows the nodes by IP only, like the classroom sketch.")
  boolean noHello;

  @Option(names = "--jitter", paramLabel = "DIST:AMOUNT", description = "Interval jitter: none, uniform:200ms, normal:50ms, exponential:1s (default: ${DEFAULT-VALUE}).", defaultValue = "none")
  String jitter;

  @Option(names = "--fault", paramLabel = "SPEC", description = "A fault for every node, NAME[=P][,K=V...]; repeatable. See the list below.")
  List<String> faults = new ArrayList<>();

  @Option(names = "--policy", paramLabel = "POLICY", description = "Reconnect policy: fixed, exponential, full-jitter, decorrelated-jitter (default: ${DEFAULT-VALUE}).", defaultValue = "fixed")
  String policy;

  @Option(names = "--base", paramLabel = "DURATION", description = "Reconnect base delay (default: ${DEFAULT-VALUE}, the classroom sketch's).", defaultValue = "2s")
  String base;

  @Option(names = "--cap", paramLabel = "DURATION", description = "Longest reconnect delay (default: ${DEFAULT-VALUE}).", defaultValue = "30s")
  String cap;

  @Option(names = "--multiplier", paramLabel = "X", description = "Growth per attempt of the exponential policies (default: ${DEFAULT-VALUE}).", defaultValue = "2")
  double multiplier;

  @Option(names = "--reset-after", paramLabel = "DURATION", description = "A connection up this long resets the backoff (default: ${DEFAULT-VALUE}).", defaultValue = "10s")
  String resetAfter;

  @Option(names = "--connect-timeout", paramLabel = "DURATION", description = "A connection attempt fails after this (default: ${DEFAULT-VALUE}).", defaultValue = "5s")
  String connectTimeout;

  @Option(names = "--ramp-up", paramLabel = "RATE", description = "Nodes powered on per second; 0 all at once (default: ${DEFAULT-VALUE}).", defaultValue = "0")
  double rampUp;

  @Option(names = "--source-addresses", paramLabel = "MODE", description = "Source address per node: per-node (127.1.x.y each), kernel, or N shared (default: ${DEFAULT-VALUE}).", defaultValue = "per-node")
  String sources;

  @Option(names = "--threads", paramLabel = "N", description = "Event loop threads (default: ${DEFAULT-VALUE}).", defaultValue = "1")
  int threads;

  @Option(names = "--drain", paramLabel = "DURATION", description = "At the end, time allowed for buffered readings to go out and be acknowledged (default: ${DEFAULT-VALUE}).", defaultValue = "5s")
  String drain;

  @Option(names = "--ledger", paramLabel = "FILE", description = "Write the ledger (every reading's fate) to FILE as JSON lines.")
  Path ledgerFile;

  @Option(names = "--run-id", paramLabel = "ID", description = "The prefix of every boot id (default: from the clock, so runs never share boot ids).")
  String runId;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    Scenario sc;
    long runSeed;
    Duration runFor, drainFor;
    InetSocketAddress target;
    FleetConfig config;
    try {
      sc = scenario();
      runSeed = seed != null ? seed : sc.seed() != null ? sc.seed() : new java.util.Random().nextLong() >>> 16;
      runFor = duration != null ? parse("--duration", duration)
          : sc.duration() != null ? sc.duration() : Duration.ofSeconds(60);
      drainFor = parse("--drain", drain);
      target = server != null ? address(server)
          : sc.server() != null ? sc.server() : new InetSocketAddress("127.0.0.1", 5050);
      config = sc.fleetConfig(target, runSeed, runId != null ? runId : FleetConfig.newRunId());
    } catch (IllegalArgumentException | IOException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    String run = config.run();

    err.printf("simulate: %d nodes -> %s:%d for %s, seed %d, run %s%n", config.nodeCount(),
        target.getHostString(), target.getPort(), Durations.format(runFor), runSeed, run);
    for (NodeGroup g : config.groups()) {
      NodeProfile p = g.profile();
      err.printf("  %-12s %4d x %s every %s, jitter %s, %s reconnect base %s cap %s, faults %s%n", g.name(), g.count(),
          p.delivery().label(), Durations.format(p.interval()), p.jitter(), p.reconnect().kind(),
          Durations.format(p.reconnect().base()), Durations.format(p.reconnect().cap()), p.faults());
    }
    err.flush();

    Ledger ledger;
    Fleet fleet = Fleet.start(config);
    try {
      ProgressLine progress = new ProgressLine(err, System.console() != null, runFor);
      ledger = FleetRun.run(fleet, sc.events(), runFor, drainFor, progress);
    } finally {
      fleet.close();
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(RunSummary.render(ledger, fleet.stats()));
    if (ledgerFile != null) {
      LedgerFile.write(ledger, ledgerFile);
      out.println("ledger: " + ledgerFile + " (reconcile with: ./hilbench reconcile --db <server db> --ledger " + ledgerFile + ")");
    }
    List<String> problems = RunSummary.problems(ledger, fleet.stats(), fleet.errors(), config.nodeCount());
    out.flush();
    if (!problems.isEmpty()) {
      err.println("run checks failed (seed " + runSeed + "):");
      problems.forEach(p -> err.println("  " + p));
      err.flush();
      return 1;
    }
    return 0;
  }

  /** The scenario file, or one group built from the flags. */
  private Scenario scenario() throws IOException {
    if (scenario != null) {
      for (String flag : List.of("--devices", "--interval", "--delivery", "--buffer", "--no-hello", "--jitter", "--fault",
          "--policy", "--base", "--cap", "--multiplier", "--reset-after", "--connect-timeout", "--ramp-up",
          "--source-addresses", "--threads")) {
        if (spec.commandLine().getParseResult().hasMatchedOption(flag)) {
          throw new IllegalArgumentException(flag + " cannot be combined with --scenario: the scenario file says how the nodes behave");
        }
      }
      return ScenarioFile.read(scenario);
    }
    if (devices < 0) {
      throw new IllegalArgumentException("--devices must be 0 or more, got " + devices);
    }
    BackoffSettings reconnect = new BackoffSettings(PolicyKind.parse(policy), parse("--base", base), parse("--cap", cap),
        multiplier, parse("--reset-after", resetAfter), parse("--connect-timeout", connectTimeout));
    NodeProfile profile = new NodeProfile(parse("--interval", interval), Jitter.parse(jitter), DeliveryMode.parse(delivery),
        buffer, !noHello, NodeProfile.CLASSROOM.firmware(), reconnect, NodeProfile.CLASSROOM.association(),
        FaultSet.parse(faults));
    if (noHello && profile.delivery() == DeliveryMode.ACKNOWLEDGED) {
      throw new IllegalArgumentException("--no-hello cannot be combined with --delivery acknowledged (the hello asks for acks)");
    }
    return new Scenario(null, null, null, List.of(new NodeGroup("sim", devices, profile)), rampUp,
        SourceAddressesParser.parse(sources), threads, List.of());
  }

  private static Duration parse(String flag, String text) {
    try {
      return Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(flag + ": " + e.getMessage());
    }
  }

  private static InetSocketAddress address(String text) {
    try {
      return HostPort.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--server: " + e.getMessage());
    }
  }
}
