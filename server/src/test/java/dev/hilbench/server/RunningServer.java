package dev.hilbench.server;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;

/** A {@link ReceiverServer} started for one test, with its output captured. */
final class RunningServer implements AutoCloseable {

  static final Duration WAIT = Duration.ofSeconds(20);

  final ReceiverServer server;
  final Captured out = new Captured();
  final Captured err = new Captured();

  private RunningServer(ServerConfig config, ReceiverServer.Tuning tuning) throws IOException {
    this.server = ReceiverServer.start(config, out.stream, err.stream, tuning);
  }

  static RunningServer start(ServerConfig config) throws IOException {
    return new RunningServer(config, ReceiverServer.Tuning.defaults());
  }

  static RunningServer start(ServerConfig config, ReceiverServer.Tuning tuning) throws IOException {
    return new RunningServer(config, tuning);
  }

  Node connect() throws IOException {
    return Node.connect(server.port());
  }

  Node connectFrom(String localIp) throws IOException {
    return Node.connectFrom(localIp, server.port());
  }

  long storedReadings() {
    return server.storedReadings();
  }

  ServerStats stats() {
    return server.stats();
  }

  DeviceSnapshot device(String id) {
    return server.device(id).orElseThrow(() -> new AssertionError("no device " + id + "; devices: " + server.devices()));
  }

  /** Waits (polling every few ms, at most {@link #WAIT}) until {@code condition} holds. */
  static void waitUntil(String alias, Callable<Boolean> condition) {
    await(alias).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5)).atMost(WAIT).until(condition);
  }

  void awaitReceived(long readings) {
    waitUntil("the server received " + readings + " readings", () -> server.stats().readingsReceived() >= readings);
  }

  void awaitStored(long readings) {
    waitUntil("the store committed " + readings + " readings", () -> server.storedReadings() >= readings);
  }

  void awaitMalformed(long lines) {
    waitUntil("the server rejected " + lines + " lines", () -> server.stats().malformed() >= lines);
  }

  void awaitOpen(int connections) {
    waitUntil(connections + " connections open", () -> server.stats().connectionsOpen() == connections);
  }

  void awaitOutput(String alias, String fragment) {
    waitUntil(alias + ": output contains '" + fragment + "'", () -> out.text().contains(fragment));
  }

  void awaitErr(String alias, String fragment) {
    waitUntil(alias + ": error output contains '" + fragment + "'", () -> err.text().contains(fragment));
  }

  @Override
  public void close() {
    server.close();
  }
}
