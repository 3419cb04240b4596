package dev.hilbench.server.cli;

import dev.hilbench.server.OutputMode;
import dev.hilbench.server.ReceiverServer;
import dev.hilbench.server.ServerConfig;
import dev.hilbench.server.ServerStats;
import dev.hilbench.server.forward.ForwardConfig;
import dev.hilbench.server.forward.ForwardStatus;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ./hilbench serve}: the TCP receiver, until Ctrl-C or SIGTERM. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Receive sensor readings from nodes over TCP, like the classroom server, for many nodes at once.",
      "One line per reading:  [16:00:01] 192.168.1.23 Seq:12 Time:1234567 Temp:28.3°C Hum:65.2%%",
      "Bad input goes to standard error. Readings go to SQLite; a node whose hello says ack=1 gets #ack once they are stored.",
      "Ctrl-C or SIGTERM stops it gracefully: everything read is stored first. See docs/server.md.",
      "",
      "--forward URL: POST the stored readings on to an HTTP endpoint once they are",
      "committed, from a thread of its own, as JSON batches:",
      "  {\"readings\":[{\"device\":..,\"boot\":..,\"seq\":..,\"millis\":..,",
      "    \"temperature\":..,\"humidity\":..,\"received_at\":\"ISO-8601\",\"peer\":..}]}",
      "Network errors, timeouts, 5xx and 429 are retried (exponential backoff with",
      "full jitter; Retry-After honoured). Another 4xx stops forwarding, reported in",
      "the log and /status; readings go on being stored. A restart resumes after the",
      "last batch acknowledged (2xx): delivery is at-least-once, so the endpoint",
      "should de-duplicate by (device, boot, seq). An Authorization header comes",
      "from the environment variable HILBENCH_FORWARD_AUTHORIZATION, if set."
    })
public final class ServeCommand implements Callable<Integer> {

  /** Where readings go. */
  enum Store { SQLITE, NONE }

  @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "0.0.0.0",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, every interface).")
  String bind;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "5050", description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--db", paramLabel = "FILE", defaultValue = "hilbench.db",
      description = "SQLite file for readings and session events (default: ${DEFAULT-VALUE}).")
  Path db;

  @Option(names = "--store", paramLabel = "sqlite|none", defaultValue = "sqlite",
      description = "sqlite stores readings in --db; none only counts and prints them (and acknowledges at once).")
  Store store;

  @Option(names = "--output", paramLabel = "lines|json|quiet", defaultValue = "lines",
      description = "lines: a classroom line per reading; json: a JSON object per reading and event; "
          + "quiet: a counters line every 5 s.")
  OutputMode output;

  @Option(names = "--idle-timeout", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
      description = "Close a connection silent for longer (default: ${DEFAULT-VALUE}; 0 never), so a node that "
          + "lost Wi-Fi without closing is noticed.")
  Duration idleTimeout;

  @Option(names = "--max-connections", paramLabel = "N", defaultValue = "20000",
      description = "Connections held at once; more are closed at once and counted (default: ${DEFAULT-VALUE}).")
  int maxConnections;

  @Option(names = "--admin-port", paramLabel = "PORT", defaultValue = "8080",
      description = "Port of the admin HTTP server (/status, /devices, /metrics); -1 turns it off (default: ${DEFAULT-VALUE}).")
  int adminPort;

  @Option(names = "--admin-bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "Address of the admin HTTP server (default: ${DEFAULT-VALUE}).")
  String adminBind;

  @Option(names = "--max-line", paramLabel = "BYTES", defaultValue = "256",
      description = "Longest line accepted, newline excluded; longer ones are reported as oversize (default: ${DEFAULT-VALUE}).")
  int maxLine;

  @Option(names = "--backlog", paramLabel = "N", defaultValue = "4096",
      description = "Listen backlog: connections queued by the kernel before they are accepted (default: ${DEFAULT-VALUE}).")
  int backlog;

  @Option(names = "--connection-threads", paramLabel = "N",
      description = "Threads that read the connections (default: one per core but one, at least 1: the store "
          + "writer needs a core of its own). More help only with several cores to spare and --store none.")
  Integer connectionThreads;

  @Option(names = "--forward", paramLabel = "URL",
      description = "Forward stored readings to this http(s) URL as JSON batches (see above). Needs --store sqlite.")
  URI forward;

  @Option(names = "--forward-batch", paramLabel = "N", defaultValue = "500",
      description = "Readings per forward request, at most (default: ${DEFAULT-VALUE}).")
  int forwardBatch;

  @Option(names = "--forward-interval", paramLabel = "DURATION", defaultValue = "1s", converter = DurationConverter.class,
      description = "How often to look for new readings once everything is forwarded (default: ${DEFAULT-VALUE}).")
  Duration forwardInterval;

  @Option(names = "--forward-timeout", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
      description = "How long the endpoint may take to answer; then the batch is retried (default: ${DEFAULT-VALUE}).")
  Duration forwardTimeout;

  @Option(names = "--forward-connect-timeout", paramLabel = "DURATION", defaultValue = "5s",
      converter = DurationConverter.class, description = "How long connecting may take (default: ${DEFAULT-VALUE}).")
  Duration forwardConnectTimeout;

  @Option(names = "--forward-retry-base", paramLabel = "DURATION", defaultValue = "500ms",
      converter = DurationConverter.class,
      description = "The first retry waits up to this long, each next one up to twice as long (default: ${DEFAULT-VALUE}).")
  Duration forwardRetryBase;

  @Option(names = "--forward-retry-cap", paramLabel = "DURATION", defaultValue = "30s",
      converter = DurationConverter.class, description = "...but never longer than this (default: ${DEFAULT-VALUE}).")
  Duration forwardRetryCap;

  @Option(names = "--forward-seed", paramLabel = "N",
      description = "Seed of the retry jitter, to replay a run (default: random; /status shows it).")
  Long forwardSeed;

  /** Where HILBENCH_FORWARD_AUTHORIZATION is read from: the process environment, unless a test says otherwise. */
  private UnaryOperator<String> environment = System::getenv;

  @Spec CommandSpec spec;

  /** The configuration these options describe; a bad value is a usage error (exit 2). */
  public ServerConfig config() {
    try {
      return new ServerConfig(bind, port, maxConnections, idleTimeout, store == Store.SQLITE ? db : null, output,
          adminBind, adminPort, maxLine, backlog, forwardConfig());
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** The server's tuning: the defaults, with --connection-threads if given; a bad value is a usage error. */
  public ReceiverServer.Tuning tuning() {
    ReceiverServer.Tuning defaults = ReceiverServer.Tuning.defaults();
    if (connectionThreads == null) {
      return defaults;
    }
    if (connectionThreads < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--connection-threads must be at least 1, not " + connectionThreads);
    }
    return defaults.withConnectionThreads(connectionThreads);
  }

  /** Reads environment variables through {@code lookup} instead of the process environment (for tests). */
  public ServeCommand environment(UnaryOperator<String> lookup) {
    this.environment = lookup;
    return this;
  }

  private ForwardConfig forwardConfig() {
    if (forward == null) {
      return null;
    }
    ForwardConfig f = ForwardConfig.to(forward).withBatchSize(forwardBatch).withInterval(forwardInterval)
        .withTimeouts(forwardConnectTimeout, forwardTimeout).withRetry(forwardRetryBase, forwardRetryCap)
        .withAuthorization(environment.apply("HILBENCH_FORWARD_AUTHORIZATION"));
    return forwardSeed == null ? f : f.withSeed(forwardSeed);
  }

  @Override
  public Integer call() {
    ServerConfig config = config();
    ReceiverServer.Tuning tuning = tuning();
    PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
        false, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    ReceiverServer server;
    try {
      server = ReceiverServer.start(config, out, err, tuning);
    } catch (IOException e) {
      err.println("serve: " + e.getMessage());
      err.println("serve: (--port and --admin-port choose other ports, --admin-port -1 turns admin HTTP off)");
      return 1;
    }
    err.println(banner(server));
    Thread hook = new Thread(() -> {
      err.println("serve: stopping (storing what was read, then closing)...");
      server.close();
      err.println("serve: stopped; " + summary(server.stats())
          + server.forwardStatus().map(ServeCommand::forwarded).orElse(""));
      out.flush();
    }, "hilbench-serve-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    server.closed().join(); // until the hook has closed it; the JVM exits when the hook returns
    return 0;
  }

  static String banner(ReceiverServer server) {
    ServerConfig c = server.config();
    StringBuilder s = new StringBuilder("serve: listening on ").append(c.bind()).append(':').append(server.port());
    if (c.storing()) {
      s.append(", storing to ").append(c.database());
      if (server.restoredReadings() > 0) {
        s.append(" (holds ").append(server.restoredReadings()).append(" readings of ")
            .append(server.stats().devices()).append(" devices: duplicates of them are recognised)");
      }
    } else {
      s.append(", storing nothing (--store none)");
    }
    if (c.forward() != null) {
      s.append(", forwarding to ").append(c.forward().displayUrl());
    }
    if (server.adminPort() >= 0) {
      s.append("; admin http://").append(c.adminBind()).append(':').append(server.adminPort()).append("/status");
    }
    if (server.maxConnections() < c.maxConnections()) {
      s.append("; at most ").append(server.maxConnections()).append(" connections (--max-connections ")
          .append(c.maxConnections()).append(" lowered to what the descriptor limit leaves, ulimit -n)");
    }
    return s.append("; Ctrl-C stops").toString();
  }

  static String forwarded(ForwardStatus f) {
    return "; " + f.forwarded() + " forwarded (" + f.state().wireName() + ", " + f.lag() + " left to forward)";
  }

  static String summary(ServerStats s) {
    return s.readingsReceived() + " readings received, " + s.readingsStored() + " stored, " + s.duplicates()
        + " duplicates, " + s.malformed() + " bad lines, " + s.connectionsAccepted() + " connections";
  }
}
