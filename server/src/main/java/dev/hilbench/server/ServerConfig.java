package dev.hilbench.server;

import dev.hilbench.protocol.LineFramer;
import dev.hilbench.server.forward.ForwardConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link ReceiverServer} listens, stores and reports.
 *
 * @param bind           address to listen on (the classroom server used 0.0.0.0)
 * @param port           TCP port; 0 takes a free one ({@link ReceiverServer#port()} tells which)
 * @param maxConnections connections held open at once; one more is accepted and closed at once, and counted
 * @param idleTimeout    a connection silent for longer is closed and counted; {@link Duration#ZERO} never closes
 * @param database       the SQLite file readings go to; {@code null} stores nothing (readings are
 *                       counted, printed and acknowledged at once)
 * @param output         what is printed per reading
 * @param adminBind      address of the admin HTTP server (/status, /devices, /metrics)
 * @param adminPort      its port: -1 turns it off, 0 takes a free one
 * @param maxLineLength  longest line accepted, terminator excluded; longer ones are reported as oversize
 * @param backlog        listen backlog: connections the kernel queues before they are accepted
 * @param forward        where committed readings are forwarded over HTTP; {@code null} forwards nothing.
 *                       Needs a database: the forwarder reads what was committed there
 */
public record ServerConfig(
    String bind,
    int port,
    int maxConnections,
    Duration idleTimeout,
    Path database,
    OutputMode output,
    String adminBind,
    int adminPort,
    int maxLineLength,
    int backlog,
    ForwardConfig forward) {

  public static final int DEFAULT_PORT = 5050;
  public static final int DEFAULT_ADMIN_PORT = 8080;

  public ServerConfig {
    Objects.requireNonNull(bind, "bind");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(adminBind, "adminBind");
    requireRange("port", port, 0, 65535);
    requireRange("adminPort", adminPort, -1, 65535);
    requireRange("maxConnections", maxConnections, 1, Integer.MAX_VALUE);
    requireRange("maxLineLength", maxLineLength, 1, 1 << 20);
    requireRange("backlog", backlog, 1, Integer.MAX_VALUE);
    if (idleTimeout.isNegative()) {
      throw new IllegalArgumentException("idleTimeout must not be negative, got " + idleTimeout);
    }
    if (forward != null && database == null) {
      throw new IllegalArgumentException("forwarding sends what is committed to the store: it needs a database "
          + "(not --store none)");
    }
  }

  /** The classroom defaults: 0.0.0.0:5050, ./hilbench.db, admin on 127.0.0.1:8080, 60 s idle timeout. */
  public static ServerConfig defaults() {
    return new ServerConfig("0.0.0.0", DEFAULT_PORT, 20_000, Duration.ofSeconds(60), Path.of("hilbench.db"),
        OutputMode.LINES, "127.0.0.1", DEFAULT_ADMIN_PORT, LineFramer.DEFAULT_MAX_LINE_LENGTH, 4096, null);
  }

  /** For tests: 127.0.0.1 on free ports, admin on a free port, no output; {@code dbOrNull} null stores nothing. */
  public static ServerConfig forTests(Path dbOrNull) {
    return defaults().withBind("127.0.0.1").withPort(0).withAdminPort(0).withDatabase(dbOrNull)
        .withOutput(OutputMode.QUIET);
  }

  /** Whether readings are stored (a database is set). */
  public boolean storing() {
    return database != null;
  }

  public ServerConfig withPort(int p) {
    return new ServerConfig(bind, p, maxConnections, idleTimeout, database, output, adminBind, adminPort, maxLineLength, backlog, forward);
  }

  public ServerConfig withBind(String b) {
    return new ServerConfig(b, port, maxConnections, idleTimeout, database, output, adminBind, adminPort, maxLineLength, backlog, forward);
  }

  public ServerConfig withDatabase(Path db) {
    return new ServerConfig(bind, port, maxConnections, idleTimeout, db, output, adminBind, adminPort, maxLineLength, backlog, forward);
  }

  public ServerConfig withIdleTimeout(Duration d) {
    return new ServerConfig(bind, port, maxConnections, d, database, output, adminBind, adminPort, maxLineLength, backlog, forward);
  }

  public ServerConfig withMaxConnections(int n) {
    return new ServerConfig(bind, port, n, idleTimeout, database, output, adminBind, adminPort, maxLineLength, backlog, forward);
  }

  public ServerConfig withOutput(OutputMode o) {
    return new ServerConfig(bind, port, maxConnections, idleTimeout, database, o, adminBind, adminPort, maxLineLength, backlog, forward);
  }

  public ServerConfig withAdminBind(String b) {
    return new ServerConfig(bind, port, maxConnections, idleTimeout, database, output, b, adminPort, maxLineLength, backlog, forward);
  }

  public ServerConfig withAdminPort(int p) {
    return new ServerConfig(bind, port, maxConnections, idleTimeout, database, output, adminBind, p, maxLineLength, backlog, forward);
  }

  public ServerConfig withMaxLineLength(int n) {
    return new ServerConfig(bind, port, maxConnections, idleTimeout, database, output, adminBind, adminPort, n, backlog, forward);
  }

  public ServerConfig withBacklog(int n) {
    return new ServerConfig(bind, port, maxConnections, idleTimeout, database, output, adminBind, adminPort, maxLineLength, n, forward);
  }

  /** Forwarding committed readings to an HTTP endpoint; {@code null} turns it off. */
  public ServerConfig withForward(ForwardConfig f) {
    return new ServerConfig(bind, port, maxConnections, idleTimeout, database, output, adminBind, adminPort, maxLineLength, backlog, f);
  }

  private static void requireRange(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be " + min + ".." + max + ", got " + value);
    }
  }
}
