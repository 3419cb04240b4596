package dev.hilbench.server;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;

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

  ServerStats stats() {
    return server.stats();
  }

  DeviceSnapshot device(String id) {
    return server.device(id).orElseThrow(() -> new AssertionError("no device " + id + "; devices: " + server.devices()));
  }

  void awaitReceived(long readings) {
    await("the server received " + readings + " readings").atMost(WAIT)
        .until(() -> server.stats().readingsReceived() >= readings);
  }

  void awaitStored(long readings) {
    await("the store committed " + readings + " readings").atMost(WAIT)
        .until(() -> server.storedReadings() >= readings);
  }

  void awaitMalformed(long lines) {
    await("the server rejected " + lines + " lines").atMost(WAIT)
        .until(() -> server.stats().malformed() >= lines);
  }

  void awaitOpen(int connections) {
    await(connections + " connections open").atMost(WAIT)
        .until(() -> server.stats().connectionsOpen() == connections);
  }

  @Override
  public void close() {
    server.close();
  }
}
