package dev.hilbench.simulator.proxy;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.simulator.net.HostPort;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How links open, end and carry on while toxics change under them. */
class LinksTest {

  private static final long SEED = 7;
  private static final Duration AT_MOST = Duration.ofSeconds(5);
  private static final InetSocketAddress ANY_LOOPBACK_PORT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

  @RegisterExtension final SeedReporter seedReporter = new SeedReporter(SEED);

  private TestUpstream upstream;
  private Proxy proxy;
  private final EventLog events = new EventLog();

  @BeforeEach
  void start() throws IOException {
    upstream = new TestUpstream();
    proxy = Proxy.start(ANY_LOOPBACK_PORT, upstream.address(), SEED, events);
  }

  @AfterEach
  void stop() throws IOException {
    proxy.close();
    upstream.close();
  }

  @Test
  void aHalfCloseTravelsOnAndTheOtherDirectionKeepsWorking() throws IOException {
    try (Peer client = Peer.connect(proxy.address()); Peer server = upstream.accept()) {
      client.send("question");
      client.socket().shutdownOutput();
      assertEquals("question", new String(server.readToEnd()), "the server gets the bytes, then the client's FIN");

      server.send("answer");
      server.socket().shutdownOutput();
      assertEquals("answer", new String(client.readToEnd()), "the answer still reaches the half-closed client");

      await("the link to end once both sides closed").atMost(AT_MOST).until(() -> proxy.links() == 0);
      assertEquals("both sides closed", events.await(ProxyEvent.Kind.LINK_CLOSED, 1).detail());
    }
  }

  @Test
  void aClientResetReachesTheServerAsAReset() throws IOException {
    try (Peer client = Peer.connect(proxy.address()); Peer server = upstream.accept()) {
      client.send("x");
      assertEquals("x", new String(server.readExactly(1)));

      client.reset();

      assertEquals(Peer.Ending.RESET, server.awaitEnding());
      assertTrue(events.await(ProxyEvent.Kind.LINK_CLOSED, 1).detail().startsWith("client reset"));
    }
  }

  @Test
  void anUnreachableUpstreamClosesTheClientAndIsCounted() throws IOException {
    InetSocketAddress nobody;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      nobody = new InetSocketAddress(InetAddress.getLoopbackAddress(), s.getLocalPort());
    } // closed: nothing listens there now
    EventLog log = new EventLog();
    try (Proxy toNowhere = Proxy.start(ANY_LOOPBACK_PORT, nobody, SEED, log);
        Peer client = Peer.connect(toNowhere.address())) {
      client.awaitEnding();
      assertTrue(log.await(ProxyEvent.Kind.UPSTREAM_UNREACHABLE, 1).detail().contains(HostPort.format(nobody)));
      assertEquals(1, toNowhere.stats().upstreamUnreachable());
      assertEquals(0, toNowhere.links());
    }
  }

  @Test
  void aToxicAddedToAnOpenLinkTakesEffectAndRemovedStopsIt() throws IOException {
    try (Peer client = Peer.connect(proxy.address()); Peer server = upstream.accept()) {
      ToxicHandle latency = proxy.addToxic("latency", Direction.UPSTREAM, 1, Map.of("latency", 1000));
      long sent = System.nanoTime();
      client.send("slow");
      server.readExactly(4);
      long slow = (System.nanoTime() - sent) / 1_000_000;
      assertTrue(slow >= 1000, "with the toxic added the bytes took " + slow + " ms, less than its 1000 ms");

      assertTrue(proxy.removeToxic(latency));
      assertFalse(proxy.removeToxic(latency), "removing twice");
      sent = System.nanoTime();
      client.send("fast");
      server.readExactly(4);
      long fast = (System.nanoTime() - sent) / 1_000_000;
      assertTrue(fast < 1000, "with the toxic removed the bytes still took " + fast + " ms");
      assertEquals(List.of(), proxy.toxics());
    }
  }

  /**
   * Toxics come and go while a client streams: every chain rebuild must keep every byte, in
   * order, once. A steady bandwidth toxic spreads the stream over about 250 ms and each change
   * waits for the stream to move on, so the changes fall in the middle of it. Bounded: 256 KB,
   * 40 changes.
   */
  @Test
  void bytesSurviveToxicsChangingUnderThemWholeAndInOrder() throws Exception {
    byte[] input = new byte[256 * 1024];
    new SplittableRandom(SEED).nextBytes(input);
    proxy.addToxic("bandwidth", Direction.UPSTREAM, 1, Map.of("rate", 1000));
    try (Peer client = Peer.connect(proxy.address()); Peer server = upstream.accept();
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<?> writing = threads.submit(() -> {
        SplittableRandom sizes = new SplittableRandom(SEED + 1);
        for (int off = 0; off < input.length; ) {
          int n = Math.min(input.length - off, sizes.nextInt(1, 4096));
          client.socket().getOutputStream().write(input, off, n);
          off += n;
        }
        return null;
      });
      Future<?> churning = threads.submit(() -> {
        SplittableRandom choice = new SplittableRandom(SEED + 2);
        List<ToxicHandle> added = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
          long passed = i * 5000L;
          await("the stream to pass " + passed + " bytes before change " + i).atMost(AT_MOST)
              .pollInterval(Duration.ofMillis(1))
              .until(() -> proxy.stats().bytesOut(Direction.UPSTREAM) >= passed);
          if (!added.isEmpty() && choice.nextBoolean()) {
            proxy.removeToxic(added.remove(choice.nextInt(added.size())));
          } else {
            added.add(switch (choice.nextInt(3)) {
              case 0 -> proxy.addToxic("slicer", Direction.UPSTREAM, 1, Map.of("average_size", 700, "size_variation", 300, "delay", 0));
              case 1 -> proxy.addToxic("latency", Direction.UPSTREAM, 1, Map.of("latency", 2, "jitter", 2));
              default -> proxy.addToxic("bandwidth", Direction.UPSTREAM, 1, Map.of("rate", 5000));
            });
          }
        }
        proxy.clearToxics();
        return null;
      });

      byte[] got = server.readExactly(input.length);
      writing.get(10, TimeUnit.SECONDS);
      churning.get(10, TimeUnit.SECONDS);

      assertArrayEquals(input, got, "the stream must arrive whole and in order through 40 toxic changes");
    }
  }

  @Test
  void theSameSeedMakesTheSameDecisionsOnTheSameLinks() throws IOException {
    List<Integer> first = linksWhereAHalfToxicityToxicApplies(11);
    List<Integer> again = linksWhereAHalfToxicityToxicApplies(11);
    List<Integer> other = linksWhereAHalfToxicityToxicApplies(12);

    assertEquals(first, again, "seed 11 twice");
    assertNotEquals(first, other, "seeds 11 and 12 chose the very same links out of 16");
    assertTrue(first.size() > 0 && first.size() < 16, "toxicity 0.5 applied to " + first.size() + " of 16 links");
  }

  /** Opens 16 links one after the other; returns the numbers of those the toxic applies to. */
  private List<Integer> linksWhereAHalfToxicityToxicApplies(long seed) throws IOException {
    EventLog log = new EventLog();
    List<Integer> applied = new ArrayList<>();
    try (Proxy p = Proxy.start(ANY_LOOPBACK_PORT, upstream.address(), seed, log)) {
      p.addToxic("latency", Direction.UPSTREAM, 0.5, Map.of("latency", 0));
      for (int link = 1; link <= 16; link++) {
        try (Peer client = Peer.connect(p.address()); Peer server = upstream.accept()) {
          client.send("x"); // latency 0: whether the toxic applies or not, the byte passes
          assertEquals("x", server.readText(1));
          if (!log.await(ProxyEvent.Kind.LINK_OPENED, link).detail().endsWith("(not this link)")) {
            applied.add(link);
          }
        }
      }
    }
    return applied;
  }

  @Test
  void closeEndsEveryLinkAndStopsListening() throws IOException {
    try (Peer client = Peer.connect(proxy.address()); Peer server = upstream.accept()) {
      InetSocketAddress address = proxy.address();
      proxy.close();
      assertEquals(Peer.Ending.EOF, server.awaitEnding());
      assertEquals(Peer.Ending.EOF, client.awaitEnding());
      assertEquals(0, proxy.links());
      assertTrue(events.await(ProxyEvent.Kind.LINK_CLOSED, 1).detail().contains("proxy closed"));
      org.junit.jupiter.api.Assertions.assertThrows(java.net.ConnectException.class, () -> Peer.connect(address));
    }
  }
}
