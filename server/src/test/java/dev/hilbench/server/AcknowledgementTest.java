package dev.hilbench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.server.store.ReadingStore;
import dev.hilbench.server.store.StoredReading;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code #ack <seq>}: cumulative, only to nodes that asked, only once the store committed. */
class AcknowledgementTest {

  @TempDir Path dir;

  @Test
  void everyAcknowledgedReadingIsAlreadyInTheStore() throws Exception {
    Path db = dir.resolve("r.db");
    try (RunningServer s = RunningServer.start(ServerConfig.forTests(db)); Node node = s.connect()) {
      node.hello("acker", "b1", true);
      long acked = -1;
      for (int round = 0; round < 20; round++) {
        node.readings(round * 50L, round * 50L + 49);
        while (acked < round * 50L + 49) {
          acked = node.awaitAck(acked + 1, RunningServer.WAIT);
          Set<Long> stored = seqsOf(db, "acker");
          for (long seq = 0; seq <= acked; seq++) {
            assertTrue(stored.contains(seq), "#ack " + acked + " came before seq " + seq + " was stored");
          }
        }
      }
      assertEquals(999, acked);
    }
  }

  @Test
  void duplicatesAreAcknowledgedButNotStoredAgain() throws Exception {
    Path db = dir.resolve("r.db");
    try (RunningServer s = RunningServer.start(ServerConfig.forTests(db)); Node node = s.connect()) {
      node.hello("n1", "b1", true).readings(0, 99);
      assertEquals(99, node.awaitAck(99, RunningServer.WAIT));
      node.readings(50, 119); // a node resending what it thinks unacknowledged, then new ones
      assertEquals(119, node.awaitAck(119, RunningServer.WAIT));
      DeviceSnapshot n1 = s.device("n1");
      assertEquals(50, n1.duplicates());
      assertEquals(170, n1.readings());
      assertEquals(120, s.storedReadings());
    }
    assertEquals(120, ReadingStore.readAll(db).size());
  }

  @Test
  void nodesThatDidNotAskGetNoAcknowledgement() throws Exception {
    try (RunningServer s = RunningServer.start(ServerConfig.forTests(dir.resolve("r.db")));
         Node quiet = s.connect().hello("quiet", "b1", false); Node classroom = s.connect()) {
      quiet.readings(0, 9);
      classroom.readings(0, 9);
      s.awaitStored(20);
      assertNull(quiet.lineWithin(Duration.ofMillis(200)), "nothing is sent to a node with ack=0");
      assertNull(classroom.lineWithin(Duration.ofMillis(1)), "nothing is sent to a node without hello");
    }
  }

  @Test
  void aNodeThatClosesItsSideStillGetsItsLastAcknowledgements() throws Exception {
    try (RunningServer s = RunningServer.start(ServerConfig.forTests(dir.resolve("r.db"))); Node node = s.connect()) {
      node.hello("n1", "b1", true).readings(0, 9_999);
      node.shutdownOutput();
      assertEquals(9_999, node.awaitAck(9_999, RunningServer.WAIT));
      assertTrue(node.closedByServer(RunningServer.WAIT), "then the server closes");
    }
  }

  @Test
  void withoutStorageReadingsAreAcknowledgedAtOnce() throws Exception {
    try (RunningServer s = RunningServer.start(ServerConfig.forTests(null)); Node node = s.connect()) {
      node.hello("n1", "b1", true).readings(0, 999);
      assertEquals(999, node.awaitAck(999, RunningServer.WAIT));
      node.readings(990, 999);
      assertEquals(999, node.awaitAck(999, RunningServer.WAIT));
      assertEquals(10, s.device("n1").duplicates(), "duplicates are still recognised while the server runs");
      assertEquals(0, s.storedReadings());
      assertTrue(!s.stats().storing());
    }
  }

  static Set<Long> seqsOf(Path db, String device) throws java.io.IOException {
    return ReadingStore.readAll(db).stream().filter(r -> r.device().equals(device)).map(StoredReading::seq)
        .collect(Collectors.toSet());
  }
}
