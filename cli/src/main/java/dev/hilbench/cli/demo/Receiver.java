package dev.hilbench.cli.demo;

import dev.hilbench.cli.receiver.FreePort;
import dev.hilbench.cli.receiver.RestartableReceiver;
import dev.hilbench.protocol.LineError;
import dev.hilbench.server.DeviceSnapshot;
import dev.hilbench.server.ReceiverServer;
import dev.hilbench.server.ServerConfig;
import dev.hilbench.server.ServerStats;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
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

  private final RestartableReceiver receiver;
  private Totals before = Totals.NONE;
  private int restarts;

  private Receiver(RestartableReceiver receiver) {
    this.receiver = receiver;
  }

  /** Starts on a free port below 32768 (outside the ephemeral range the nodes' sockets use), checked free. */
  static Receiver start(ServerConfig config, PrintStream quiet) throws IOException {
    RestartableReceiver receiver = new RestartableReceiver(config.withPort(FreePort.below32768("127.0.0.1")), quiet, quiet);
    receiver.start();
    return new Receiver(receiver);
  }

  int port() {
    return receiver.port();
  }

  /** The running instance, empty while it is down. */
  Optional<ReceiverServer> current() {
    return receiver.current();
  }

  /** Stops the receiver (it stores what it read), waits, and starts it again on the same port and store. */
  void restart(Duration down) throws IOException, InterruptedException {
    synchronized (this) { // totals() waits: the stopped instance's counts move into before, none counted twice or lost
      receiver.stop().ifPresent(stopped -> before = before.plus(stopped.stats()));
      restarts++;
    }
    Thread.sleep(down.toMillis()); // the outage is the point of the demo
    receiver.start();
  }

  int restarts() {
    return restarts;
  }

  /** Everything every instance saw, the running one included. */
  synchronized Totals totals() {
    return receiver.current().map(s -> before.plus(s.stats())).orElse(before);
  }

  Optional<DeviceSnapshot> device(String id) {
    return current().flatMap(s -> s.device(id));
  }

  @Override
  public void close() {
    receiver.close();
  }
}
