package dev.hilbench.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.server.store.ReadingStore;
import dev.hilbench.server.store.StoredReading;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A slow store slows the nodes down and loses nothing. The store is made slow the real way: another
 * process-like connection holds SQLite's write lock, as a backup or a careless sqlite3 shell would.
 */
class BackPressureTest {

  private static final int READINGS = 200_000;
  private static final int QUEUE = 512;

  @TempDir Path dir;

  @Test
  void whileTheStoreIsBlockedTheServerStopsReadingThenStoresEverything() throws Exception {
    Path db = dir.resolve("r.db");
    ReceiverServer.Tuning tuning = ReceiverServer.Tuning.defaults().withStoreQueueCapacity(QUEUE);
    try (RunningServer s = RunningServer.start(ServerConfig.forTests(db), tuning); Node node = s.connect()) {
      node.hello("bulk", "b1", false);
      s.awaitStored(0);
      try (Connection lock = DriverManager.getConnection("jdbc:sqlite:" + db)) {
        try (Statement st = lock.createStatement()) {
          st.execute("PRAGMA busy_timeout = 5000");
          st.execute("BEGIN IMMEDIATE"); // the write lock: the server's commits now fail with "busy"
        }
        Thread sender = Thread.ofVirtual().start(() -> {
          try {
            for (long seq = 0; seq < READINGS; seq += 1_000) {
              node.readings(seq, seq + 999);
            }
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
        RunningServer.waitUntil("reading paused for the store", () -> s.stats().readPauses() >= 1);
        // One read per connection may land after the queue filled; nothing beyond that.
        long bound = QUEUE + 3L * 64 * 1024 / 20;
        await("the server keeps not reading while the store is blocked").during(Duration.ofMillis(600))
            .atMost(RunningServer.WAIT).until(() -> s.stats().readingsReceived() <= bound);
        assertEquals(0, s.storedReadings());
        s.awaitErr("the blocked store is reported", "cannot commit");
        lock.createStatement().execute("ROLLBACK");
        sender.join(RunningServer.WAIT);
      }
      s.awaitStored(READINGS);
      assertEquals(READINGS, s.stats().readingsReceived());
      assertEquals(0, s.device("bulk").gaps());
      s.awaitErr("recovery reported", "reading resumes");
    }
    List<StoredReading> stored = ReadingStore.readAll(db);
    assertEquals(READINGS, stored.size());
    for (int i = 0; i < READINGS; i++) {
      if (stored.get(i).seq() != i) {
        throw new AssertionError("reading " + i + " is seq " + stored.get(i).seq());
      }
    }
    assertTrue(stored.stream().allMatch(r -> r.device().equals("bulk")));
  }
}
