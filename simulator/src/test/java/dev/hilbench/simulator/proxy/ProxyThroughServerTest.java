package dev.hilbench.simulator.proxy;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hilbench.protocol.Reading;
import dev.hilbench.server.DeviceSnapshot;
import dev.hilbench.server.ReceiverServer;
import dev.hilbench.server.ServerConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The proxy in front of the real hilbench server, as the features put it on the virtual and real targets. */
class ProxyThroughServerTest {

  private static final long SEED = 2024;
  private static final Duration AT_MOST = Duration.ofSeconds(10);

  @RegisterExtension final SeedReporter seedReporter = new SeedReporter(SEED);

  private ReceiverServer server;
  private Proxy proxy;

  @BeforeEach
  void start() throws IOException {
    server = ReceiverServer.start(ServerConfig.forTests(null).withAdminPort(-1), System.out);
    proxy = Proxy.start(LowPorts.freeLoopbackAddress(), new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), SEED);
  }

  @AfterEach
  void stop() {
    proxy.close();
    server.close();
  }

  /** Classroom lines as the sketch's {@code println} sends them, with CR LF. */
  private static String classroomLines(int from, int count) {
    StringBuilder s = new StringBuilder();
    for (int seq = from; seq < from + count; seq++) {
      s.append(new Reading(seq, 1_000_000L + seq * 5000L, 20 + seq % 10 * 0.1, 50 + seq % 7).toLine()).append("\r\n");
    }
    return s.toString();
  }

  private DeviceSnapshot device() {
    return server.device("127.0.0.1").orElseThrow(() -> new AssertionError("the server does not know 127.0.0.1 yet"));
  }

  @Test
  void coalescedLinesSlicedIntoOneToThreeByteWritesArriveAsWholeReadings() throws IOException {
    proxy.addToxic("slicer", Direction.UPSTREAM, 1, Map.of("average_size", 2, "size_variation", 1, "delay", 300));
    String lines = classroomLines(0, 30);
    try (Peer node = Peer.connect(proxy.address())) {
      node.send(lines); // thirty lines in one write: coalesced, then cut anywhere by the slicer

      await("30 readings at the server (stats: " + server.stats() + ")").atMost(AT_MOST)
          .until(() -> server.stats().readingsReceived() == 30);
    }
    assertEquals(0, server.stats().malformed(), "no line may be broken by the cuts");
    DeviceSnapshot d = device();
    assertEquals(30, d.readings());
    assertEquals(0, d.gaps());
    assertEquals(new Reading(29, 1_000_000L + 29 * 5000L, 20.9, 51), d.lastReading());
    assertEquals(lines.length(), proxy.stats().bytesOut(Direction.UPSTREAM));
  }

  @Test
  void aHalfOpenNodeBehindTimeoutZeroIsClosedByTheServersIdleTimeout() throws IOException {
    server.close();
    server = ReceiverServer.start(ServerConfig.forTests(null).withAdminPort(-1).withIdleTimeout(Duration.ofSeconds(1)), System.out);
    proxy.close();
    proxy = Proxy.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
        new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), SEED);
    proxy.addToxic("timeout", Direction.UPSTREAM, 1, Map.of("timeout", 0));
    try (Peer node = Peer.connect(proxy.address())) {
      node.send(classroomLines(0, 1));
      await("the server to accept the connection").atMost(AT_MOST).until(() -> server.stats().connectionsAccepted() == 1);

      await("the server to close the silent connection").atMost(AT_MOST).until(() -> server.stats().idleCloses() == 1);

      assertEquals(0, server.stats().readingsReceived(), "the line went into the black hole");
      assertEquals(Peer.Ending.EOF, node.awaitEnding(), "the server's FIN reaches the node");
    }
  }

  @Test
  void downClosesTheServersSessionAndUpLetsTheNodeReconnect() throws IOException {
    try (Peer node = Peer.connect(proxy.address())) {
      node.send(classroomLines(0, 3));
      await("3 readings").atMost(AT_MOST).until(() -> server.stats().readingsReceived() == 3);

      proxy.setDown(true);

      node.awaitEnding();
      await("the server to see the connection end").atMost(AT_MOST).until(() -> server.stats().connectionsOpen() == 0);
    }
    proxy.setDown(false);
    try (Peer node = Peer.connect(proxy.address())) {
      node.send(classroomLines(3, 3));
      await("3 more readings on a new connection").atMost(AT_MOST).until(() -> server.stats().readingsReceived() == 6);
    }
    assertEquals(2, device().connects());
    assertEquals(0, device().gaps(), "nothing sent while the proxy was down, so nothing lost");
  }
}
