package dev.hilbench.cli.demo;

import dev.hilbench.protocol.LineError;
import dev.hilbench.server.DeviceSnapshot;
import dev.hilbench.server.ReceiverServer;
import dev.hilbench.server.ServerConfig;
import dev.hilbench.server.ServerStats;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's receiver, which can be restarted on the same port and store, as a classroom server
 * is restarted: its counters start over, so the totals of the instances before are kept here.
 */
final class Receiver implements AutoCloseable {

  /** What the receiver instances saw, added up. */
  record Totals(long stored, int devices, long malformed, Map<LineError, Long> malformedByCode, long gaps,
      long duplicates, long reboots, long idleCloses, long takeovers) {

    static final Totals NONE = new Totals(0, 0, 0, Map.of(), 0, 0, 0, 0, 0);

    Totals plus(ServerStats s) {
      Map<LineError, Long> codes = new EnumMap<>(LineError.class);
      codes.putAll(malformedByCode);
      s.malformedByCode().forEach((k, v) -> codes.merge(k, v, Long::sum));
      return new Totals(stored + s.readingsStored(), Math.max(devices, s.devices()), malformed + s.malformed(), codes,
          gaps + s.gaps(), duplicates + s.duplicates(), reboots + s.reboots(), idleCloses + s.idleCloses(),
          takeovers + s.takeovers());
    }
  }

  private final ServerConfig config;
  private final PrintStream quiet;
  private volatile ReceiverServer current;
  private Totals before = Totals.NONE;
  private int restarts;

  private Receiver(ServerConfig config, PrintStream quiet) throws IOException {
    this.config = config;
    this.quiet = quiet;
    this.current = ReceiverServer.start(config, quiet, quiet);
  }

  /** Starts on a free port below 32768 (outside the ephemeral range the nodes' sockets use), checked free. */
  static Receiver start(ServerConfig config, PrintStream quiet) throws IOException {
    return new Receiver(config.withPort(freePortBelow32768()), quiet);
  }

  int port() {
    return config.port();
  }

  /** The running instance, empty while it is down. */
  Optional<ReceiverServer> current() {
    return Optional.ofNullable(current);
  }

  /** Stops the receiver (it stores what it read), waits, and starts it again on the same port and store. */
  void restart(java.time.Duration down) throws IOException, InterruptedException {
    ReceiverServer s = current;
    s.close();
    synchronized (this) {
      before = before.plus(s.stats());
      current = null;
      restarts++;
    }
    Thread.sleep(down.toMillis()); // the outage is the point of the demo
    ReceiverServer again = ReceiverServer.start(config, quiet, quiet);
    synchronized (this) {
      current = again;
    }
  }

  int restarts() {
    return restarts;
  }

  /** Everything every instance saw, the running one included. */
  synchronized Totals totals() {
    return current == null ? before : before.plus(current.stats());
  }

  Optional<DeviceSnapshot> device(String id) {
    return current().flatMap(s -> s.device(id));
  }

  @Override
  public void close() {
    ReceiverServer s = current;
    if (s != null) {
      s.close();
    }
  }

  private static int freePortBelow32768() throws IOException {
    int start = 20_000 + (int) (ProcessHandle.current().pid() % 10_000);
    for (int i = 0; i < 12_000; i++) {
      int port = 20_000 + (start - 20_000 + i) % 12_000;
      try (ServerSocket probe = new ServerSocket()) {
        probe.bind(new InetSocketAddress("127.0.0.1", port));
        return port;
      } catch (IOException taken) {
        // try the next one
      }
    }
    throw new IOException("no free port between 20000 and 32000 on 127.0.0.1");
  }
}
