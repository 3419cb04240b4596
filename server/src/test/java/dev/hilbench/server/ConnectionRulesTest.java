package dev.hilbench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Takeover, idle timeout and the connection limit, over real sockets. */
class ConnectionRulesTest {

  @TempDir Path dir;

  /** With two connection threads the old and the new connection are on different threads (round robin). */
  @ParameterizedTest(name = "{0} connection threads")
  @ValueSource(ints = {1, 2})
  void aNamedDeviceConnectingAgainTakesOverItsOldConnection(int connectionThreads) throws Exception {
    try (RunningServer s = RunningServer.start(ServerConfig.forTests(dir.resolve("r.db")).withOutput(OutputMode.LINES),
        ReceiverServer.Tuning.defaults().withConnectionThreads(connectionThreads))) {
      Node first = s.connect().hello("n1", "b1", false).readings(0, 4);
      s.awaitStored(5);
      try (Node second = s.connect().hello("n1", "b1", false)) {
        assertTrue(first.closedByServer(RunningServer.WAIT), "the old connection is closed");
        second.readings(5, 9);
        s.awaitStored(10);
        DeviceSnapshot n1 = s.device("n1");
        assertEquals(1, n1.takeovers());
        assertEquals(2, n1.connects());
        assertEquals(1, n1.reconnects());
        assertEquals(0, n1.reboots(), "same boot: a reconnect, not a reboot");
        assertEquals(0, n1.gaps());
        s.awaitOpen(1);
        assertTrue(s.device("n1").connected(), "the new connection holds the device");
        assertEquals(1, s.stats().takeovers());
        s.awaitOutput("takeover printed", "n1 takeover: closing its older connection from " + first.localAddress());
      }
      first.close();
    }
  }

  /** With two connection threads both connections share one session from different threads. */
  @ParameterizedTest(name = "{0} connection threads")
  @ValueSource(ints = {1, 2})
  void devicesKnownByIpAreNeverTakenOver(int connectionThreads) throws Exception {
    try (RunningServer s = RunningServer.start(ServerConfig.forTests(dir.resolve("r.db")),
             ReceiverServer.Tuning.defaults().withConnectionThreads(connectionThreads));
         Node a = s.connectFrom("127.0.0.9"); Node b = s.connectFrom("127.0.0.9")) {
      a.readings(0, 2);
      b.readings(3, 5);
      s.awaitStored(6);
      assertFalse(a.closedByServer(Duration.ofMillis(100)), "both nodes behind one address stay connected");
      assertFalse(b.closedByServer(Duration.ofMillis(1)));
      assertEquals(0, s.stats().takeovers());
      assertEquals(2, s.device("127.0.0.9").connects());
    }
  }

  @Test
  void aSilentConnectionIsClosedAfterTheIdleTimeoutAndATalkativeOneIsNot() throws Exception {
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    ServerConfig config = ServerConfig.forTests(dir.resolve("r.db")).withIdleTimeout(Duration.ofMillis(500))
        .withOutput(OutputMode.LINES);
    try (RunningServer s = RunningServer.start(config); Node silent = s.connect();
         Node talkative = s.connect().hello("talkative", "b1", false)) {
      long start = System.nanoTime(); // the server's last sight of the silent node is after this
      silent.hello("silent", "b1", false).reading(0, 0, 20, 50);
      AtomicLong seq = new AtomicLong();
      ticker.scheduleAtFixedRate(() -> {
        try {
          talkative.reading(seq.getAndIncrement(), 0, 20, 50);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }, 0, 50, TimeUnit.MILLISECONDS);
      assertTrue(silent.closedByServer(RunningServer.WAIT), "the silent node is disconnected");
      long tookMillis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(tookMillis >= 500, "not before the timeout: " + tookMillis + " ms");
      DeviceSnapshot d = s.device("silent");
      RunningServer.waitUntil("the idle close is counted", () -> s.device("silent").idleTimeouts() == 1);
      assertFalse(s.device("silent").connected());
      assertEquals(1, s.stats().idleCloses());
      assertTrue(d.readings() == 1);
      RunningServer.waitUntil("the talkative node sent past two timeouts", () -> seq.get() > 25);
      assertTrue(s.device("talkative").connected(), "a node that keeps talking is never idle");
      assertEquals(0, s.device("talkative").idleTimeouts());
      s.awaitOutput("printed", "silent disconnect: idle timeout");
    } finally {
      ticker.shutdownNow();
    }
  }

  @Test
  void beyondMaxConnectionsAConnectionIsRefusedCleanlyAndCounted() throws Exception {
    try (RunningServer s = RunningServer.start(ServerConfig.forTests(dir.resolve("r.db")).withMaxConnections(3))) {
      Node a = s.connect(), b = s.connect(), c = s.connect();
      s.awaitOpen(3);
      try (Node refused = s.connect()) {
        assertTrue(refused.closedByServer(RunningServer.WAIT), "the fourth connection is closed at once");
      }
      RunningServer.waitUntil("the refusal is counted", () -> s.stats().connectionsRefused() == 1);
      s.awaitErr("the refusal is reported", "refused a connection from");
      a.close();
      s.awaitOpen(2);
      try (Node d = s.connect()) {
        d.readings(0, 0);
        s.awaitStored(1);
        assertEquals(3, s.stats().connectionsOpen());
      }
      b.reading(1, 1, 20, 50);
      c.reading(2, 2, 20, 50);
      s.awaitStored(3);
      b.close();
      c.close();
    }
  }
}
