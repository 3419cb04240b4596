package dev.hilbench.simulator.proxy;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.protocol.fault.FaultSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each toxic's effect, measured on real loopback sockets between a client and an upstream. */
class ToxicsOnTheWireTest {

  private static final long SEED = 42;
  private static final Duration AT_MOST = Duration.ofSeconds(5);

  @RegisterExtension final SeedReporter seedReporter = new SeedReporter(SEED);

  private TestUpstream upstream;
  private Proxy proxy;
  private final EventLog events = new EventLog();

  @BeforeEach
  void start() throws IOException {
    upstream = new TestUpstream();
    proxy = Proxy.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), upstream.address(), SEED, events);
  }

  @AfterEach
  void stop() throws IOException {
    proxy.close();
    upstream.close();
  }

  /** A client connected through the proxy and the upstream's side of the same link. */
  private record Pair(Peer client, Peer server) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      client.close();
      server.close();
    }
  }

  private Pair open() throws IOException {
    Peer client = Peer.connect(proxy.address());
    return new Pair(client, upstream.accept());
  }

  private static byte[] randomBytes(int n, long seed) {
    byte[] b = new byte[n];
    new SplittableRandom(seed).nextBytes(b);
    return b;
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  @Test
  void withoutToxicsBytesPassBothWaysAndAreCounted() throws IOException {
    try (Pair p = open()) {
      byte[] up = randomBytes(1000, 1);
      byte[] down = randomBytes(300, 2);
      p.client().send(up);
      assertArrayEquals(up, p.server().readExactly(up.length));
      p.server().send(down);
      assertArrayEquals(down, p.client().readExactly(down.length));
      // A counter moves just after its write returns, so the peer may read first: wait for it.
      await("the counters to show 1000 bytes up and 300 down").atMost(AT_MOST)
          .until(() -> proxy.stats(), s -> s.bytesOut(Direction.UPSTREAM) == 1000 && s.bytesOut(Direction.DOWNSTREAM) == 300);
      ProxyStats s = proxy.stats();
      assertEquals(1, s.linksAccepted());
      assertEquals(1, s.linksOpen());
      assertEquals(1000, s.bytesIn(Direction.UPSTREAM));
      assertEquals(300, s.bytesIn(Direction.DOWNSTREAM));
    }
  }

  @Test
  void slicerDeliversManySmallPiecesThatAddUpToTheInput() throws IOException {
    proxy.addToxic("slicer", Direction.UPSTREAM, 1, Map.of("average_size", 3, "size_variation", 1, "delay", 2000));
    try (Pair p = open()) {
      byte[] input = randomBytes(240, 3);
      p.client().send(input); // one write

      List<byte[]> pieces = p.server().readPieces(input.length);

      ByteArrayOutputStream joined = new ByteArrayOutputStream();
      pieces.forEach(joined::writeBytes);
      assertArrayEquals(input, joined.toByteArray(), "the pieces joined must be the input");
      // 240 bytes in pieces of 2..4 are 60..120 writes. A busy receiver may read two pieces at
      // once now and then, so the bounds leave room for that but not for a chunk passed whole.
      long small = pieces.stream().filter(b -> b.length <= 4).count();
      assertTrue(pieces.size() >= 40, "expected many small reads, got " + pieces.size() + ": " + sizes(pieces));
      assertTrue(small >= pieces.size() * 3 / 4, "expected reads of 2..4 bytes, got " + sizes(pieces));
    }
  }

  private static String sizes(List<byte[]> pieces) {
    return Arrays.toString(pieces.stream().mapToInt(b -> b.length).toArray());
  }

  @ParameterizedTest
  @EnumSource(Direction.class)
  void latencyHoldsBytesBackAtLeastTheLatency(Direction direction) throws IOException {
    proxy.addToxic("latency", direction, 1, Map.of("latency", 250));
    try (Pair p = open()) {
      Peer sender = direction == Direction.UPSTREAM ? p.client() : p.server();
      Peer receiver = direction == Direction.UPSTREAM ? p.server() : p.client();

      long sent = System.nanoTime();
      sender.send("x");
      receiver.readExactly(1);

      long took = millisSince(sent);
      assertTrue(took >= 250, direction.label() + " byte arrived after " + took + " ms, before the 250 ms latency");
    }
  }

  @Test
  void latencyCountsFromArrivalSoBackToBackWritesAreNotDelayedTwice() throws IOException {
    proxy.addToxic("latency", Direction.UPSTREAM, 1, Map.of("latency", 400));
    try (Pair p = open()) {
      long sent = System.nanoTime();
      p.client().send("a");
      p.client().send("b");
      assertEquals("ab", p.server().readText(2));
      long took = millisSince(sent);
      assertTrue(took >= 400 && took < 800, "two writes sent together arrived after " + took + " ms, want 400..800");
    }
  }

  @Test
  void latencyWithJitterStaysWithinItsBounds() throws IOException {
    proxy.addToxic("latency", Direction.UPSTREAM, 1, Map.of("latency", 200, "jitter", 100));
    try (Pair p = open()) {
      for (int i = 0; i < 3; i++) {
        long sent = System.nanoTime();
        p.client().send("j");
        p.server().readExactly(1);
        long took = millisSince(sent);
        assertTrue(took >= 100, "with latency 200 ± 100 a byte arrived after " + took + " ms");
      }
    }
  }

  @Test
  void bandwidthKeepsTheRate() throws IOException {
    proxy.addToxic("bandwidth", Direction.UPSTREAM, 1, Map.of("rate", 50)); // 50 KB/s = 50,000 bytes/s
    try (Pair p = open()) {
      byte[] input = randomBytes(20_000, 4);

      long sent = System.nanoTime();
      p.client().send(input);
      byte[] got = p.server().readExactly(input.length);
      long took = millisSince(sent);

      assertArrayEquals(input, got);
      assertTrue(took >= 400, "20,000 bytes at 50 KB/s took " + took + " ms, less than 400");
      assertTrue(took < 4000, "20,000 bytes at 50 KB/s took " + took + " ms: the link stalled");
    }
  }

  @Test
  void timeoutZeroKeepsTheLinkOpenAndSilentWithoutFin() throws IOException {
    ToxicHandle blackHole = proxy.addToxic("timeout", Direction.UPSTREAM, 1, Map.of("timeout", 0));
    try (Pair p = open()) {
      p.client().send(randomBytes(100, 5));
      await("the proxy to read the client's 100 bytes").atMost(AT_MOST)
          .until(() -> proxy.stats().bytesIn(Direction.UPSTREAM) == 100);
      p.server().assertSilentFor(Duration.ofMillis(300), "bytes went into the black hole");

      p.client().socket().shutdownOutput(); // FIN from the client
      p.server().assertSilentFor(Duration.ofMillis(300), "the client's FIN went into the black hole");
      assertEquals(1, proxy.links(), "the link stays open: half-open");
      assertEquals(0, proxy.stats().bytesOut(Direction.UPSTREAM));

      // Removed, the toxic lets the FIN through; what it swallowed is gone.
      proxy.removeToxic(blackHole);
      assertEquals(0, p.server().readToEnd().length, "the swallowed bytes must not come back");
    }
  }

  @Test
  void timeoutClosesTheLinkAfterTheTimeoutAndPassesNothing() throws IOException {
    proxy.addToxic("timeout", Direction.UPSTREAM, 1, Map.of("timeout", 300));
    long connected = System.nanoTime();
    try (Pair p = open()) {
      p.client().send("lost");
      byte[] got = p.server().readToEnd();
      long took = millisSince(connected);

      assertEquals(0, got.length, "nothing passes a black hole");
      assertTrue(took >= 300, "the link closed after " + took + " ms, before the 300 ms timeout");
      assertEquals(Peer.Ending.EOF, p.client().awaitEnding(), "the client gets a FIN too");
      await("the link to be gone").atMost(AT_MOST).until(() -> proxy.links() == 0);
      String closed = events.await(ProxyEvent.Kind.LINK_CLOSED, 1).detail();
      assertTrue(closed.contains("closed by timeout#1"), closed);
    }
  }

  @Test
  void resetPeerResetsBothPeersAfterTheTimeoutAndPassesBytesUntilThen() throws IOException {
    proxy.addToxic("reset_peer", Direction.DOWNSTREAM, 1, Map.of("timeout", 300));
    long connected = System.nanoTime();
    try (Pair p = open()) {
      p.client().send("hello");
      assertEquals("hello", p.server().readText(5), "bytes flow until the reset");

      assertEquals(Peer.Ending.RESET, p.client().awaitEnding(), "the client sees a connection reset");
      long took = millisSince(connected);
      assertTrue(took >= 300, "reset after " + took + " ms, before the 300 ms timeout");
      assertEquals(Peer.Ending.RESET, p.server().awaitEnding(), "the server sees a connection reset");
    }
  }

  @Test
  void resetPeerMidLinePassesHalfOfTheNextChunkThenResets() throws IOException {
    proxy.addToxic(FaultSpec.parse("reset_peer,timeout=0,mid_line=true"));
    try (Pair p = open()) {
      p.client().send("12,34,20.5,50.0\r\n");
      assertEquals("12,34,20", p.server().readText(8), "the first half of the line, 8 of 17 bytes");
      assertEquals(Peer.Ending.RESET, p.server().awaitEnding(), "then the server sees a connection reset");
      assertEquals(Peer.Ending.RESET, p.client().awaitEnding(), "and so does the client");
    }
    String closed = events.await(ProxyEvent.Kind.LINK_CLOSED, 1).detail();
    assertTrue(closed.contains("reset by reset_peer#1"), closed);
  }

  @Test
  void limitDataPassesExactlyThatManyBytesThenCloses() throws IOException {
    proxy.addToxic("limit_data", Direction.UPSTREAM, 1, Map.of("bytes", 10));
    try (Pair p = open()) {
      byte[] input = randomBytes(25, 6);
      p.client().send(Arrays.copyOfRange(input, 0, 4));
      p.client().send(Arrays.copyOfRange(input, 4, 8));
      p.client().send(Arrays.copyOfRange(input, 8, 25));

      byte[] got = p.server().readToEnd();

      assertArrayEquals(Arrays.copyOf(input, 10), got, "exactly the first 10 bytes, then the end of the stream");
      await("the link to be gone").atMost(AT_MOST).until(() -> proxy.links() == 0);
    }
  }

  @Test
  void limitDataClosesBehindItsBytesThroughTheToxicsAfterIt() throws IOException {
    proxy.addToxic("limit_data", Direction.UPSTREAM, 1, Map.of("bytes", 10));
    proxy.addToxic("latency", Direction.UPSTREAM, 1, Map.of("latency", 100));
    try (Pair p = open()) {
      byte[] input = randomBytes(25, 7);
      p.client().send(input);
      assertArrayEquals(Arrays.copyOf(input, 10), p.server().readToEnd(), "the close waits for the delayed bytes");
    }
  }

  @Test
  void downRefusesNewClientsAndClosesLinksThenUpServesAgainOnTheSamePort() throws IOException {
    proxy.close();
    proxy = Proxy.start(LowPorts.freeLoopbackAddress(), upstream.address(), SEED, events);
    int port = proxy.port();
    try (Pair p = open()) {
      p.client().send("a");
      assertEquals("a", p.server().readText(1));

      proxy.setDown(true);

      p.client().awaitEnding(); // FIN or reset: either way the link is gone
      assertEquals(0, proxy.links());
      assertThrows(ConnectException.class, () -> Peer.connect(proxy.address()), "a client must be refused while down");
    }
    proxy.setDown(false);
    assertEquals(port, proxy.port());
    try (Pair p = open()) {
      p.client().send("b");
      assertEquals("b", p.server().readText(1));
    }
  }

  @Test
  void toxicityZeroNeverApplies() throws IOException {
    proxy.addToxic("limit_data", Direction.UPSTREAM, 0, Map.of("bytes", 0));
    try (Pair p = open()) {
      p.client().send("passes");
      assertEquals("passes", p.server().readText(6));
      String opened = events.await(ProxyEvent.Kind.LINK_OPENED, 1).detail();
      assertTrue(opened.endsWith(": limit_data#1 upstream (not this link)"), opened);
    }
  }
}
