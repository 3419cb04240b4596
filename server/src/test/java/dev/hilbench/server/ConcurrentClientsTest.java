package dev.hilbench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hilbench.server.store.ReadingStore;
import dev.hilbench.server.store.StoredReading;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * 1,000 nodes connected at once, each writing its own way: every reading arrives, once, in order.
 * With one connection thread (what a 2-core machine gets) and with several (what a bigger one gets).
 */
class ConcurrentClientsTest {

  private static final int CLIENTS = 1_000;
  private static final int READINGS = 20;

  @TempDir Path dir;

  @ParameterizedTest(name = "{0} connection threads")
  @ValueSource(ints = {1, 3})
  void aThousandConcurrentClients(int connectionThreads) throws Exception {
    long seed = new Random().nextLong();
    Path db = dir.resolve("r.db");
    List<Node> nodes = new ArrayList<>();
    try (RunningServer s = RunningServer.start(ServerConfig.forTests(db),
             ReceiverServer.Tuning.defaults().withConnectionThreads(connectionThreads));
         ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
      // Half name themselves; half are classroom nodes, each from its own loopback address.
      for (int i = 0; i < CLIENTS; i++) {
        nodes.add(i % 2 == 0 ? s.connect() : s.connectFrom(classroomAddress(i)));
      }
      s.awaitOpen(CLIENTS);
      List<Future<?>> sent = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        Node node = nodes.get(i);
        int client = i;
        Random random = new Random(seed + i);
        sent.add(senders.submit(() -> {
          if (client % 2 == 0) {
            node.hello("node-" + client, "b1", false);
          }
          // Cut the client's stream at random places, so writes end mid-line everywhere.
          StringBuilder text = new StringBuilder();
          for (int seq = 0; seq < READINGS; seq++) {
            text.append(seq).append(',').append(1000 * seq).append(",21.5,").append(client % 100).append("\r\n");
          }
          String all = text.toString();
          int at = 0;
          while (at < all.length()) {
            int next = Math.min(all.length(), at + 1 + random.nextInt(40));
            node.send(all.substring(at, next));
            at = next;
          }
          return null;
        }));
      }
      for (Future<?> f : sent) {
        f.get();
      }
      s.awaitStored((long) CLIENTS * READINGS);
      assertEquals(0, s.stats().malformed(), "seed " + seed + ": " + s.err.text());
      assertEquals(0, s.stats().duplicates(), "seed " + seed);
      assertEquals(0, s.stats().gaps(), "seed " + seed);
      assertEquals(CLIENTS, s.server.devices().size());
      for (Node node : nodes) {
        node.close();
      }
      s.awaitOpen(0);
    }
    Map<String, List<Long>> byDevice = new HashMap<>();
    for (StoredReading r : ReadingStore.readAll(db)) {
      byDevice.computeIfAbsent(r.device(), d -> new ArrayList<>()).add(r.seq());
    }
    assertEquals(CLIENTS, byDevice.size(), "seed " + seed);
    List<Long> expected = java.util.stream.LongStream.range(0, READINGS).boxed().toList();
    byDevice.forEach((device, seqs) -> assertEquals(expected, seqs, device + ", seed " + seed));
  }

  private static String classroomAddress(int i) {
    return "127.0." + (1 + i / 250) + "." + (1 + i % 250);
  }
}
