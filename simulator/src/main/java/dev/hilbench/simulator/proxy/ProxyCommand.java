package dev.hilbench.simulator.proxy;

import dev.hilbench.protocol.fault.FaultSpec;
import dev.hilbench.simulator.Durations;
import dev.hilbench.simulator.cli.FaultHelp;
import dev.hilbench.simulator.net.HostPort;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./hilbench proxy}: the network fault proxy between a node and the server. */
@Command(
    name = "proxy",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "A TCP proxy that puts network faults between a node and the server.",
      "The node (simulated, virtual or a real board) connects to the proxy; the faults",
      "are the network faults of the shared vocabulary, with Toxiproxy's toxic names",
      "and parameters. Prints the toxics it applies, each link opened and closed, and",
      "a counter line.",
      "",
      "Example: ./hilbench proxy --listen 0.0.0.0:5051 --upstream 127.0.0.1:5050 \\",
      "           --fault slicer,average_size=2,size_variation=1,delay=2ms"},
    modelTransformer = ProxyCommand.Footer.class)
public final class ProxyCommand implements Callable<Integer> {

  /** The footer: every network fault, from the shared vocabulary. */
  static final class Footer implements CommandLine.IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec command) {
      command.usageMessage().footer(FaultHelp.footer(
          List.of("", "Faults (--fault NAME[=PROBABILITY][,KEY=VALUE...], as for ./hilbench simulate",
              "and the firmware console; docs/faults.md). PROBABILITY, 0..1 and 1 if omitted,",
              "is the toxicity: rolled once per link from the seed. stream=upstream (the",
              "default: towards the server; toxiproxy-cli's is downstream) or downstream.",
              "A duration may take us, ms or s."),
          ProxyFault.help(),
          List.of("", "Commands on standard input, one a line: fault SPEC, fault clear [NAME],",
              "fault (the list), remove ID, down, up, stats, help, quit. 'down' is Toxiproxy's",
              "enabled=false: clients are refused and links closed. With no terminal (stdin",
              "at its end) the proxy runs until stopped (Ctrl-C, SIGTERM). See docs/proxy.md.")));
      return command;
    }
  }

  @Spec CommandSpec spec;

  @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "0.0.0.0:5051",
      description = "Where nodes connect (default: ${DEFAULT-VALUE}; port 0 picks a free one).")
  String listen;

  @Option(names = "--upstream", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:5050",
      description = "The server the proxy forwards to (default: ${DEFAULT-VALUE}).")
  String upstream;

  @Option(names = {"--fault", "--toxic"}, paramLabel = "SPEC",
      description = "A network fault for every link, NAME[=P][,K=V...]; repeatable. See the list below.")
  List<String> faults = new ArrayList<>();

  @Option(names = "--seed", paramLabel = "S",
      description = "Seed of every toxic decision: the same seed, the same decisions (default: random, printed).")
  Long seed;

  @Option(names = "--report-every", paramLabel = "DURATION", defaultValue = "5s",
      description = "Print the counter line this often when it changed; 0 only at the end (default: ${DEFAULT-VALUE}).")
  String reportEvery;

  /** Where control commands come from; tests give their own. */
  InputStream stdin = System.in;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    InetSocketAddress listenAt = usage(() -> HostPort.parse(listen, true), "--listen");
    InetSocketAddress forwardTo = usage(() -> HostPort.parse(upstream, false), "--upstream");
    Duration every = usage(() -> Durations.parse(reportEvery), "--report-every");
    List<FaultSpec> specs = new ArrayList<>();
    for (String f : faults) {
      FaultSpec s = usage(() -> FaultSpec.parse(f), "--fault");
      usage(() -> ProxyFault.check(s), "--fault"); // a device fault is bad usage, before anything starts
      specs.add(s);
    }
    long runSeed = seed != null ? seed : new Random().nextLong() >>> 16;

    Proxy proxy;
    try {
      proxy = Proxy.start(listenAt, forwardTo, runSeed, event -> print(out, event.toString()));
    } catch (IOException e) {
      spec.commandLine().getErr().println("proxy: " + e.getMessage());
      return 1;
    }
    try (proxy) {
      print(out, "proxy: listening on " + HostPort.format(proxy.address()) + ", upstream " + HostPort.format(forwardTo)
          + ", seed " + runSeed);
      for (FaultSpec s : specs) {
        print(out, ProxyFault.apply(proxy, s));
      }
      if (specs.isEmpty()) {
        print(out, "no toxics: bytes pass unchanged");
      }
      print(out, "commands on stdin: fault SPEC, fault clear [NAME], fault, remove ID, down, up, stats, help, quit");
      // Stopped with Ctrl-C, the counters still get printed.
      Thread finalCounters = new Thread(() -> print(out, "counters: " + proxy.stats().line()));
      Runtime.getRuntime().addShutdownHook(finalCounters);
      try {
        runUntilQuit(proxy, out, every);
      } finally {
        Runtime.getRuntime().removeShutdownHook(finalCounters);
      }
      print(out, "counters: " + proxy.stats().line());
    }
    return 0;
  }

  /** Reads commands until {@code quit}, printing the counter line every so often. */
  private void runUntilQuit(Proxy proxy, PrintWriter out, Duration every) throws InterruptedException {
    CountDownLatch quit = new CountDownLatch(1);
    ControlConsole console = new ControlConsole(proxy);
    Thread reader = Thread.ofPlatform().daemon().name("proxy-stdin").start(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8))) {
        for (String line; (line = in.readLine()) != null; ) {
          ControlConsole.Reply reply = console.handle(line);
          if (!reply.text().isEmpty()) {
            print(out, reply.text());
          }
          if (reply.quit()) {
            quit.countDown();
            return;
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("reading commands from standard input", e);
      }
    });
    String last = proxy.stats().line(); // the counters are printed when they change
    while (!quit.await(every.isZero() ? 1000 : every.toMillis(), TimeUnit.MILLISECONDS)) {
      if (!every.isZero()) {
        String line = proxy.stats().line();
        if (!line.equals(last)) {
          print(out, "counters: " + line);
          last = line;
        }
      }
    }
    reader.join(Duration.ofSeconds(1));
  }

  private static void print(PrintWriter out, String text) {
    synchronized (out) {
      out.println(text);
      out.flush();
    }
  }

  private interface Parse<T> {
    T get();
  }

  /** Runs a parse; a bad value is bad usage (exit status 2) naming the option. */
  private <T> T usage(Parse<T> parse, String option) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), option + ": " + e.getMessage());
    }
  }
}
