package dev.hilbench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.server.store.ReadingStore;
import dev.hilbench.server.store.SessionEvent;
import dev.hilbench.server.store.StoredReading;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the store holds afterwards, across a graceful shutdown and a restart. */
class StorageTest {

  @TempDir Path dir;

  @Test
  void theStoreHoldsEachReadingWithItsDeviceBootPeerAndTime() throws Exception {
    Path db = dir.resolve("r.db");
    long before = System.currentTimeMillis();
    String namedPeer, ipPeer;
    try (RunningServer s = RunningServer.start(ServerConfig.forTests(db))) {
      try (Node named = s.connect(); Node byIp = s.connectFrom("127.0.0.7")) {
        namedPeer = named.localAddress();
        ipPeer = byIp.localAddress();
        named.hello("node-1", "5f3a9c01", false).send("0,1000,21.5,40.0\r\n1,6000,-3.25,99.9\r\n");
        byIp.send("12,1234567,28.3,65.2\r\n");
        s.awaitStored(3);
      }
      s.awaitOpen(0);
    }
    long after = System.currentTimeMillis();
    List<StoredReading> stored = ReadingStore.readAll(db);
    assertEquals(3, stored.size());
    StoredReading first = stored.stream().filter(r -> r.device().equals("node-1") && r.seq() == 0).findFirst().orElseThrow();
    assertEquals(new StoredReading("node-1", "5f3a9c01", 0, 1000, 21.5, 40.0, first.receivedAtEpochMillis(), namedPeer), first);
    StoredReading second = stored.stream().filter(r -> r.seq() == 1).findFirst().orElseThrow();
    assertEquals(new StoredReading("node-1", "5f3a9c01", 1, 6000, -3.25, 99.9, second.receivedAtEpochMillis(), namedPeer), second);
    StoredReading classroom = stored.stream().filter(r -> r.device().equals("127.0.0.7")).findFirst().orElseThrow();
    assertEquals(new StoredReading("127.0.0.7", "ip-1", 12, 1234567, 28.3, 65.2, classroom.receivedAtEpochMillis(), ipPeer),
        classroom);
    for (StoredReading r : stored) {
      assertTrue(r.receivedAtEpochMillis() >= before && r.receivedAtEpochMillis() <= after, "receive time " + r);
    }
    List<SessionEvent> events = ReadingStore.readEvents(db);
    List<String> named = events.stream().filter(e -> "node-1".equals(e.device())).map(SessionEvent::kind).toList();
    assertEquals(List.of("connect", "hello", "disconnect"), named);
    List<String> byIp = events.stream().filter(e -> "127.0.0.7".equals(e.device())).map(SessionEvent::kind).toList();
    assertEquals(List.of("connect", "disconnect"), byIp);
  }

  @Test
  void aGracefulShutdownLosesNothingItReadOrAcknowledged() throws Exception {
    Path db = dir.resolve("r.db");
    AtomicLong maxAck = new AtomicLong(-1);
    ServerStats last;
    try (RunningServer s = RunningServer.start(ServerConfig.forTests(db))) {
      Node acking = s.connect().hello("acking", "b1", true);
      Node classroom = s.connectFrom("127.0.0.4");
      Thread sender = Thread.ofVirtual().start(() -> {
        try {
          for (long seq = 0; seq < 2_000_000; seq += 100) {
            acking.readings(seq, seq + 99);
          }
        } catch (java.io.IOException expected) {
          // the server went away mid-stream: that is the point
        }
      });
      Thread ackReader = Thread.ofVirtual().start(() -> {
        try {
          while (true) {
            maxAck.set(acking.awaitAck(maxAck.get() + 1, RunningServer.WAIT));
          }
        } catch (java.io.IOException expected) {
          // closed by the shutdown
        }
      });
      classroom.readings(0, 999);
      s.awaitStored(20_000);
      RunningServer.waitUntil("some acknowledgements arrived", () -> maxAck.get() >= 0);
      s.awaitReceived(21_000);
      s.server.close();
      last = s.stats();
      sender.join(RunningServer.WAIT);
      ackReader.join(RunningServer.WAIT);
      assertFalse(sender.isAlive() || ackReader.isAlive(), "the clients saw the server go");
      acking.close();
      classroom.close();
    }
    assertEquals(last.readingsReceived(), last.readingsStored() + last.duplicates(),
        "every reading the server parsed was stored");
    List<StoredReading> stored = ReadingStore.readAll(db);
    assertEquals(last.readingsStored(), stored.size());
    Set<Long> acking = new HashSet<>();
    for (StoredReading r : stored) {
      if (r.device().equals("acking")) {
        assertTrue(acking.add(r.seq()), "stored once: " + r);
      }
    }
    for (long seq = 0; seq <= maxAck.get(); seq++) {
      assertTrue(acking.contains(seq), "acknowledged " + maxAck.get() + " but seq " + seq + " is not stored");
    }
    assertEquals(1_000, stored.stream().filter(r -> r.device().equals("127.0.0.4")).count(),
        "the classroom node's readings, all read before the shutdown, are all stored");
  }

  @Test
  void afterARestartDuplicatesAreRecognisedFromTheStore() throws Exception {
    Path db = dir.resolve("r.db");
    try (RunningServer s = RunningServer.start(ServerConfig.forTests(db));
         Node named = s.connect(); Node classroom = s.connectFrom("127.0.0.8")) {
      named.hello("n1", "b1", true).readings(0, 9);
      assertEquals(9, named.awaitAck(9, RunningServer.WAIT));
      classroom.readings(0, 4);
      s.awaitStored(15);
    }
    try (RunningServer s = RunningServer.start(ServerConfig.forTests(db))) {
      assertEquals(15, s.server.restoredReadings());
      DeviceSnapshot restored = s.device("n1");
      assertFalse(restored.connected());
      assertEquals("b1", restored.boot());
      try (Node named = s.connect(); Node classroom = s.connectFrom("127.0.0.8")) {
        named.hello("n1", "b1", true).readings(5, 14); // resends 5..9: its acks were "lost"
        assertEquals(14, named.awaitAck(14, RunningServer.WAIT));
        DeviceSnapshot n1 = s.device("n1");
        assertEquals(5, n1.duplicates());
        assertEquals(0, n1.gaps());
        assertEquals(0, n1.reboots(), "same boot id: no reboot");
        classroom.readings(5, 6);                  // continues: the node did not reboot
        classroom.send("0,3,20.0,50.0\r\n");       // seq and millis back: it rebooted
        s.awaitStored(5 + 2 + 1);
        DeviceSnapshot ip = s.device("127.0.0.8");
        assertEquals("ip-2", ip.boot());
        assertEquals(1, ip.reboots());
        assertEquals(0, ip.duplicates());
        named.hello("n1", "b2", true).reading(0, 10, 20, 50);
        assertEquals(0, named.awaitAck(0, RunningServer.WAIT));
        assertEquals(1, s.device("n1").reboots());
      }
    }
    List<StoredReading> stored = ReadingStore.readAll(db);
    assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L),
        stored.stream().filter(r -> r.device().equals("n1") && r.boot().equals("b1")).map(StoredReading::seq).toList(),
        "each reading once");
    assertEquals(List.of("ip-1", "ip-1", "ip-1", "ip-1", "ip-1", "ip-1", "ip-1", "ip-2"),
        stored.stream().filter(r -> r.device().equals("127.0.0.8")).map(StoredReading::boot).toList());
  }
}
