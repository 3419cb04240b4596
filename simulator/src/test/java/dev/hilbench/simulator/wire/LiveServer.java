package dev.hilbench.simulator.wire;

import static org.awaitility.Awaitility.await;

import dev.hilbench.server.DeviceSnapshot;
import dev.hilbench.server.ReceiverServer;
import dev.hilbench.server.ServerConfig;
import dev.hilbench.server.ServerStats;
import dev.hilbench.server.store.ReadingStore;
import dev.hilbench.simulator.reconcile.StoredKey;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The real receiver on 127.0.0.1, a free port and a fresh SQLite file, for one test. */
final class LiveServer implements AutoCloseable {

  private final ReceiverServer server;
  private final Path db;

  private LiveServer(ReceiverServer server, Path db) {
    this.server = server;
    this.db = db;
  }

  static LiveServer start(Path dir) throws IOException {
    return start(dir, Duration.ofSeconds(60));
  }

  static LiveServer start(Path dir, Duration idleTimeout) throws IOException {
    Path db = dir.resolve("store.db");
    ServerConfig config = ServerConfig.forTests(db).withIdleTimeout(idleTimeout).withAdminPort(-1);
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    return new LiveServer(ReceiverServer.start(config, quiet, quiet), db);
  }

  InetSocketAddress address() {
    return new InetSocketAddress("127.0.0.1", server.port());
  }

  ReceiverServer server() {
    return server;
  }

  ServerStats stats() {
    return server.stats();
  }

  List<DeviceSnapshot> devices() {
    return server.devices();
  }

  DeviceSnapshot device(String id) {
    return server.device(id).orElseThrow(() -> new AssertionError("the server does not know device " + id));
  }

  /** Waits until every reading the server parsed is stored (or recognised as a duplicate). */
  void awaitStoreSettled() {
    await("the server's store to catch up with what it received").atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> {
          ServerStats s = server.stats();
          return s.storeQueueDepth() == 0 && s.readingsReceived() == s.readingsStored() + s.duplicates();
        });
  }

  /** What the store holds, as reconciliation wants it. Settles the store first. */
  List<StoredKey> storedKeys() throws IOException {
    awaitStoreSettled();
    return ReadingStore.readAll(db).stream().map(r -> new StoredKey(r.device(), r.boot(), r.seq())).toList();
  }

  @Override
  public void close() {
    server.close();
  }
}
