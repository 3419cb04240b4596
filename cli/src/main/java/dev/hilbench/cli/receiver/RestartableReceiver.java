package dev.hilbench.cli.receiver;

import dev.hilbench.server.ReceiverServer;
import dev.hilbench.server.ServerConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Optional;

/**
 * A receiver that restarts as a classroom server is restarted: one {@link ReceiverServer} at a time
 * on one fixed port and store, which can be stopped (gracefully: it stores what it read) and started
 * again. Each instance's counters start from zero. Shared by the demo and the restart experiment.
 */
public final class RestartableReceiver implements AutoCloseable {

  private final ServerConfig config;
  private final PrintStream out;
  private final PrintStream err;
  private volatile ReceiverServer current;
  private volatile int starts;

  /** @param config with the fixed port (not 0) the receiver keeps across restarts, e.g. from {@link FreePort} */
  public RestartableReceiver(ServerConfig config, PrintStream out, PrintStream err) {
    if (config.port() == 0) {
      throw new IllegalArgumentException("a receiver that restarts on the same port needs a fixed port, not 0");
    }
    this.config = config;
    this.out = out;
    this.err = err;
  }

  public int port() {
    return config.port();
  }

  /** Starts an instance; returns once it listens. */
  public synchronized void start() throws IOException {
    if (current != null) {
      throw new IllegalStateException("the receiver is already running on port " + port());
    }
    current = ReceiverServer.start(config, out, err);
    starts++;
  }

  /** Which instance is running: 1 for the first, 2 after one restart, ...; 0 while the receiver is down. */
  public int instance() {
    return current == null ? 0 : starts;
  }

  /**
   * Stops the running instance: from this moment {@link #current()} is empty. Returns once it has
   * closed, with the instance stopped (its final counters), or empty if it was not running.
   */
  public synchronized Optional<ReceiverServer> stop() {
    ReceiverServer s = current;
    current = null;
    if (s != null) {
      s.close();
    }
    return Optional.ofNullable(s);
  }

  /** The running instance; empty while the receiver is down. */
  public Optional<ReceiverServer> current() {
    return Optional.ofNullable(current);
  }

  @Override
  public void close() {
    stop();
  }
}
