package dev.hilbench.server.forward;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.badRequest;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.hilbench.server.Captured;
import dev.hilbench.server.Node;
import dev.hilbench.server.ReceiverServer;
import dev.hilbench.server.ServerConfig;
import dev.hilbench.server.store.ReadingStore;
import dev.hilbench.server.store.StoredReading;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Forwarding end to end: readings sent over real TCP sockets to a real {@link ReceiverServer}, stored
 * in real SQLite, POSTed to a real HTTP server (WireMock on 127.0.0.1) that stubs the endpoint and
 * its faults. What the endpoint received is read back from WireMock's request journal.
 */
class ForwardingTest {

  /** Seeds the retry jitter of every forwarder here; printed with the failures that depend on it. */
  private static final long SEED = 20251127L;
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PATH = "/readings";

  @RegisterExtension
  static final WireMockExtension endpoint = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build(); // stubs and journal are reset before each test

  @TempDir Path dir;

  private final Captured out = new Captured();
  private final Captured err = new Captured();

  @Test
  void theBodyAndHeadersAreTheStoredReadings() throws Exception {
    Path db = dir.resolve("r.db");
    storeWithoutForwarding(db, port -> {
      try (Node named = Node.connectFrom("127.0.0.1", port); Node classroom = Node.connectFrom("127.0.0.9", port)) {
        named.hello("node-1", "5f3a9c01", true).readings(0, 4).awaitAck(4, WAIT);
        classroom.readings(12, 13);
      }
    }, 7);
    List<StoredReading> stored = ReadingStore.readAll(db);
    endpoint.stubFor(post(urlPathEqualTo(PATH)).willReturn(ok("{\"ok\":true}")));

    ForwardConfig forward = forwardTo(PATH + "?api_key=s3cret").withAuthorization("Bearer classroom-t0ken");
    try (ReceiverServer server = start(ServerConfig.forTests(db).withForward(forward))) {
      waitUntil("7 readings forwarded", () -> status(server).forwarded() == 7);

      endpoint.verify(1, postRequestedFor(urlPathEqualTo(PATH))
          .withQueryParam("api_key", equalTo("s3cret"))
          .withHeader("Content-Type", equalTo("application/json"))
          .withHeader("Authorization", equalTo("Bearer classroom-t0ken"))
          .withHeader("User-Agent", equalTo("hilbench-forwarder"))
          .withRequestBody(equalToJson(expectedBody(stored))));

      ForwardStatus f = status(server);
      assertEquals(new ForwardStatus("http://127.0.0.1:" + endpoint.getPort() + PATH + "?api_key=***",
          ForwardState.FORWARDING, 7, 1, 0, 0, 7, null, null, f.lastDeliveryAt(), SEED), f);

      JsonNode st = JSON.readTree(admin(server, "/status")).get("forward");
      assertEquals("forwarding", st.get("state").asText());
      assertEquals(7, st.get("forwarded").asLong());
      assertEquals(1, st.get("batches").asLong());
      assertEquals(0, st.get("lag").asLong());
      assertTrue(st.get("last_error").isNull());
      assertEquals(f.url(), st.get("url").asText(), "the API key is not shown");
      String metrics = admin(server, "/metrics");
      assertTrue(metrics.contains("\nhilbench_forward_readings_total 7\n"), metrics);
      assertTrue(metrics.contains("\nhilbench_forward_batches_total 1\n"), metrics);
      assertTrue(metrics.contains("\nhilbench_forward_lag 0\n"), metrics);
      assertTrue(!metrics.contains("s3cret") && !admin(server, "/status").contains("s3cret"));
    }
    assertTrue(!err.text().contains("s3cret") && !err.text().contains("t0ken"), err.text());
  }

  @Test
  void batchesHoldAtMostTheBatchSizeInStoreOrder() throws Exception {
    Path db = dir.resolve("r.db");
    storeWithoutForwarding(db, port -> {
      try (Node n = Node.connectFrom("127.0.0.1", port)) {
        n.hello("node-1", "b1", true).readings(0, 11).awaitAck(11, WAIT);
      }
    }, 12);
    endpoint.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(204)));

    try (ReceiverServer server = start(ServerConfig.forTests(db).withForward(forwardTo(PATH).withBatchSize(5)))) {
      waitUntil("the 12 stored readings forwarded", () -> status(server).forwarded() == 12);
      assertEquals(List.of(5, 5, 2), batchSizes(), "what was stored before the start goes in full batches");

      try (Node n = Node.connectFrom("127.0.0.1", server.port())) {
        n.hello("node-1", "b1", false);
        for (int seq = 12; seq < 40; seq += 4) {
          n.readings(seq, seq + 3); // while the forwarder runs: batches of whatever is committed, at most 5
        }
        waitUntil("40 readings forwarded", () -> status(server).forwarded() == 40);
      }
      List<Integer> sizes = batchSizes();
      assertTrue(sizes.stream().allMatch(n -> n >= 1 && n <= 5), "batch sizes " + sizes);
      assertEquals(ReadingStore.readAll(db), forwardedReadings(), "every stored reading once, in store order");
      assertEquals(sizes.size(), status(server).batches());
      assertEquals(0, status(server).retries());
      assertEquals(0, status(server).lag());
    }
  }

  static Stream<Arguments> passingFaults() {
    return Stream.of(
        Arguments.of("500", aResponse().withStatus(500).withBody("database hiccup"), "HTTP 500: database hiccup"),
        Arguments.of("503 without Retry-After", serviceUnavailable(), "HTTP 503"),
        Arguments.of("408", aResponse().withStatus(408), "HTTP 408"),
        Arguments.of("connection reset by peer", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), "IOException"),
        Arguments.of("empty response", aResponse().withFault(Fault.EMPTY_RESPONSE), "IOException"),
        Arguments.of("a response slower than the timeout", ok().withFixedDelay(3_000), "no response within 1 s"));
  }

  @ParameterizedTest(name = "{0}, then 200: retried, delivered once")
  @MethodSource("passingFaults")
  void aPassingFaultIsRetriedAndTheBatchDeliveredOnce(String fault, ResponseDefinitionBuilder first, String reason)
      throws Exception {
    Path db = dir.resolve("r.db");
    storeWithoutForwarding(db, port -> {
      try (Node n = Node.connectFrom("127.0.0.1", port)) {
        n.hello("node-1", "b1", true).readings(0, 2).awaitAck(2, WAIT);
      }
    }, 3);
    endpoint.stubFor(post(urlPathEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(first).willSetStateTo("recovered"));
    endpoint.stubFor(post(urlPathEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs("recovered")
        .willReturn(ok()));

    // 1 s: shorter than the slow response's 3 s, and long enough for a loaded machine's first request.
    ForwardConfig forward = forwardTo(PATH).withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1));
    try (ReceiverServer server = start(ServerConfig.forTests(db).withForward(forward))) {
      waitUntil(fault + ": 3 readings forwarded", () -> status(server).forwarded() == 3);
      ForwardStatus f = status(server);
      assertEquals(1, f.batches(), "seed " + SEED);
      assertEquals(1, f.retries(), "seed " + SEED + ", " + f);
      assertEquals(ForwardState.FORWARDING, f.state());
      assertTrue(f.lastError().contains(reason), "'" + reason + "' in: " + f.lastError());
      List<LoggedRequest> requests = requests();
      assertEquals(2, requests.size(), "the failed attempt and the one that worked");
      assertEquals(requests.get(0).getBodyAsString(), requests.get(1).getBodyAsString(), "the same batch again");
      assertEquals(ReadingStore.readAll(db), readingsIn(requests.get(1)));
      assertTrue(err.text().contains("cannot deliver 3 readings") && err.text().contains("took the batch after 1 failed attempt"),
          err.text());
    }
  }

  @Test
  void retryAfterOnA429IsHonoured() throws Exception {
    Path db = dir.resolve("r.db");
    storeWithoutForwarding(db, port -> {
      try (Node n = Node.connectFrom("127.0.0.1", port)) {
        n.hello("node-1", "b1", true).readings(0, 0).awaitAck(0, WAIT);
      }
    }, 1);
    endpoint.stubFor(post(urlPathEqualTo(PATH)).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("free"));
    endpoint.stubFor(post(urlPathEqualTo(PATH)).inScenario("busy").whenScenarioStateIs("free").willReturn(ok()));

    // The backoff alone would retry within 10 ms: only the Retry-After explains a second's wait.
    try (ReceiverServer server = start(ServerConfig.forTests(db).withForward(forwardTo(PATH)))) {
      waitUntil("the reading forwarded after the 429", () -> status(server).forwarded() == 1);
      List<LoggedRequest> requests = requests();
      assertEquals(2, requests.size());
      long gap = requests.get(1).getLoggedDate().getTime() - requests.get(0).getLoggedDate().getTime();
      assertTrue(gap >= 1_000, "the retry came " + gap + " ms after the 429 with Retry-After: 1 (seed " + SEED + ")");
      assertTrue(gap < 5_000, "and not much later: " + gap + " ms");
      assertTrue(err.text().contains("retrying after 1 s (Retry-After)"), err.text());
    }
  }

  @Test
  void aClientErrorStopsForwardingWithTheReasonWhileReadingsAreStillStored() throws Exception {
    Path db = dir.resolve("r.db");
    endpoint.stubFor(post(urlPathEqualTo(PATH)).willReturn(badRequest()
        .withHeader("Content-Type", "application/json").withBody("{\"error\":\"unknown field 'peer'\"}")));

    try (ReceiverServer server = start(ServerConfig.forTests(db).withForward(forwardTo(PATH)));
         Node n = Node.connectFrom("127.0.0.1", server.port())) {
      n.hello("node-1", "b1", true).readings(0, 2).awaitAck(2, WAIT);
      waitUntil("forwarding stopped on the 400", () -> status(server).state() == ForwardState.STOPPED);

      ForwardStatus f = status(server);
      assertEquals("HTTP 400: {\"error\":\"unknown field 'peer'\"}", f.lastError());
      assertEquals(0, f.forwarded());
      assertEquals(0, f.retries(), "a 400 is not retried");

      n.readings(3, 9).awaitAck(9, WAIT);
      assertEquals(10, server.storedReadings(), "the receiver goes on storing (and acknowledging)");
      waitUntil("the lag counts the readings not forwarded", () -> status(server).lag() == 10);
      assertEquals(1, requests().size(), "one request, reported once, never repeated");
      String log = err.text();
      assertEquals(1, occurrences(log, "refused"), log);
      assertTrue(log.contains(" readings: HTTP 400: {\"error\":\"unknown field 'peer'\"}; forwarding stopped"), log);

      JsonNode st = JSON.readTree(admin(server, "/status")).get("forward");
      assertEquals("stopped", st.get("state").asText());
      assertEquals(f.lastError(), st.get("last_error").asText());
      assertTrue(Instant.parse(st.get("last_error_at").asText()).isAfter(Instant.now().minusSeconds(60)));
      assertEquals(10, st.get("lag").asLong());
      assertEquals(10, JSON.readTree(admin(server, "/status")).get("readings_stored").asLong());
      assertTrue(admin(server, "/metrics").contains("\nhilbench_forward_stopped 1\n"));
    }
    assertEquals(1, requests().size(), "nothing more at shutdown either");
  }

  @Test
  void aRestartResumesAfterTheLastAcknowledgedBatchWithoutSkippingAny() throws Exception {
    Path db = dir.resolve("r.db");
    endpoint.stubFor(post(urlPathEqualTo(PATH)).willReturn(ok()));
    ServerConfig config = ServerConfig.forTests(db).withForward(forwardTo(PATH).withRetry(Duration.ofMillis(20),
        Duration.ofMillis(100)));

    try (ReceiverServer first = start(config); Node n = Node.connectFrom("127.0.0.1", first.port())) {
      n.hello("node-1", "b1", true).readings(0, 9).awaitAck(9, WAIT);
      waitUntil("0..9 forwarded", () -> status(first).forwarded() == 10);
      endpoint.stubFor(post(urlPathEqualTo(PATH)).willReturn(serviceUnavailable())); // the newest stub wins
      n.readings(10, 14).awaitAck(14, WAIT);
      waitUntil("the endpoint failing on 10..14", () -> status(first).retries() >= 2);
    } // closed while retrying: 10..14 stay after the cursor

    assertEquals(10, savedCursor(db), "the cursor is the last rowid acknowledged");
    List<Long> acknowledged = new ArrayList<>();
    for (ServeEvent e : endpoint.getAllServeEvents().reversed()) { // the journal lists the newest first
      if (e.getResponse().getStatus() == 200) {
        readingsIn(e.getRequest()).forEach(reading -> acknowledged.add(reading.seq()));
      }
    }
    assertEquals(range(0, 9), acknowledged, "before the restart, 200 was answered to 0..9 only");

    endpoint.resetAll();
    endpoint.stubFor(post(urlPathEqualTo(PATH)).willReturn(ok()));
    try (ReceiverServer second = start(config); Node n = Node.connectFrom("127.0.0.1", second.port())) {
      n.hello("node-1", "b1", true).readings(15, 19).awaitAck(19, WAIT);
      waitUntil("10..19 forwarded after the restart", () -> status(second).forwarded() == 10 && status(second).lag() == 0);
      assertEquals(20, status(second).cursor(), "the cursor moved from rowid 10 to 20");
    }
    assertEquals(range(10, 19), forwardedReadings().stream().map(StoredReading::seq).toList(),
        "after the restart: nothing acknowledged again, nothing skipped, each once");
    assertEquals(20, savedCursor(db));
  }

  @Test
  void anEndpointThatIsDownIsRetriedUntilItComesUp() throws Exception {
    int port = freePortBelow32768();
    Path db = dir.resolve("r.db");
    ForwardConfig forward = ForwardConfig.to(URI.create("http://127.0.0.1:" + port + PATH))
        .withInterval(Duration.ofMillis(20)).withRetry(Duration.ofMillis(10), Duration.ofMillis(50)).withSeed(SEED);
    try (ReceiverServer server = start(ServerConfig.forTests(db).withForward(forward));
         Node n = Node.connectFrom("127.0.0.1", server.port())) {
      n.hello("node-1", "b1", true).readings(0, 4).awaitAck(4, WAIT);
      waitUntil("retrying while nothing listens on " + port, () -> status(server).retries() >= 3);
      ForwardStatus down = status(server);
      assertEquals(ForwardState.RETRYING, down.state());
      assertTrue(down.lastError().contains("ConnectException"), down.lastError());
      assertEquals(5, down.lag());
      assertEquals(1, occurrences(err.text(), "cannot deliver"), "the first failure is reported, not every retry: "
          + err.text());

      WireMockServer up = new WireMockServer(wireMockConfig().port(port).bindAddress("127.0.0.1"));
      up.stubFor(post(urlPathEqualTo(PATH)).willReturn(ok()));
      up.start();
      try {
        waitUntil("delivered once the endpoint is up", () -> status(server).forwarded() == 5);
        assertEquals(ForwardState.FORWARDING, status(server).state());
        assertEquals(1, up.findAll(postRequestedFor(urlPathEqualTo(PATH))).size());
        assertEquals(ReadingStore.readAll(db), readingsIn(up.findAll(postRequestedFor(urlPathEqualTo(PATH))).get(0)));
      } finally {
        up.stop();
      }
    }
  }

  @Test
  void anEndpointThatHangsDoesNotHoldUpTheReceiver() throws Exception {
    endpoint.stubFor(post(urlPathEqualTo(PATH)).willReturn(ok().withFixedDelay(3_000)));
    Path db = dir.resolve("r.db");
    ForwardConfig forward = forwardTo(PATH).withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2));
    try (ReceiverServer server = start(ServerConfig.forTests(db).withForward(forward));
         Node n = Node.connectFrom("127.0.0.1", server.port())) {
      n.hello("node-1", "b1", true).readings(0, 0).awaitAck(0, WAIT);
      waitUntil("the forwarder's request hanging at the endpoint", () -> requests().size() == 1);
      long started = System.nanoTime();
      for (int seq = 1; seq <= 2_000; seq += 100) {
        n.readings(seq, seq + 99);
      }
      n.awaitAck(2_000, WAIT);
      long millis = (System.nanoTime() - started) / 1_000_000;
      assertEquals(2_001, server.storedReadings());
      assertTrue(millis < 2_500, "2,000 readings stored and acknowledged in " + millis
          + " ms, while the endpoint hangs for 3 s on each request");
      waitUntil("the lag shows the readings waiting", () -> status(server).lag() == 2_001);
      assertEquals(0, status(server).forwarded());
    }
  }

  // ---- helpers ----

  private interface Feed {
    void into(int port) throws IOException;
  }

  /** Stores readings with a server that does not forward, so that a forwarding server finds them all at once. */
  private void storeWithoutForwarding(Path db, Feed feed, long readings) throws IOException {
    try (ReceiverServer s = start(ServerConfig.forTests(db))) {
      feed.into(s.port());
      waitUntil(readings + " readings stored", () -> s.storedReadings() == readings);
    }
  }

  private ReceiverServer start(ServerConfig config) throws IOException {
    return ReceiverServer.start(config, out.stream, err.stream);
  }

  private static ForwardConfig forwardTo(String pathAndQuery) {
    return ForwardConfig.to(URI.create("http://127.0.0.1:" + endpoint.getPort() + pathAndQuery))
        .withInterval(Duration.ofMillis(20))
        .withRetry(Duration.ofMillis(10), Duration.ofMillis(10))
        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
        .withBatchSize(100)
        .withSeed(SEED);
  }

  private static ForwardStatus status(ReceiverServer server) {
    return server.forwardStatus().orElseThrow(() -> new AssertionError("the server does not forward"));
  }

  private static void waitUntil(String alias, Callable<Boolean> condition) {
    await(alias).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5)).atMost(WAIT).until(condition);
  }

  /** The POSTs the endpoint received, oldest first. */
  private static List<LoggedRequest> requests() {
    return endpoint.findAll(postRequestedFor(urlPathEqualTo(PATH)));
  }

  private static List<Integer> batchSizes() {
    return requests().stream().map(r -> readingsIn(r).size()).toList();
  }

  /** Every reading of every request, in the order received. */
  private static List<StoredReading> forwardedReadings() {
    return requests().stream().flatMap(r -> readingsIn(r).stream()).toList();
  }

  /** The readings of one request body, parsed without the forwarder's own code. */
  private static List<StoredReading> readingsIn(LoggedRequest request) {
    try {
      List<StoredReading> readings = new ArrayList<>();
      for (JsonNode r : JSON.readTree(request.getBodyAsString()).get("readings")) {
        readings.add(new StoredReading(r.get("device").asText(), r.get("boot").asText(), r.get("seq").asLong(),
            r.get("millis").asLong(), r.get("temperature").asDouble(), r.get("humidity").asDouble(),
            Instant.parse(r.get("received_at").asText()).toEpochMilli(), r.get("peer").asText()));
      }
      return readings;
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + request.getBodyAsString(), e);
    }
  }

  /** The body the endpoint should get for {@code readings}, written independently of BatchJson. */
  private static String expectedBody(List<StoredReading> readings) throws IOException {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode list = body.putArray("readings");
    for (StoredReading r : readings) {
      list.addObject().put("device", r.device()).put("boot", r.boot()).put("seq", r.seq()).put("millis", r.millis())
          .put("temperature", r.temperature()).put("humidity", r.humidity())
          .put("received_at", Instant.ofEpochMilli(r.receivedAtEpochMillis()).toString()).put("peer", r.peer());
    }
    return JSON.writeValueAsString(body);
  }

  private static String admin(ReceiverServer server, String path) throws IOException, InterruptedException {
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.adminPort() + path))
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), path);
      return r.body();
    }
  }

  private static long savedCursor(Path db) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT url, last_rowid FROM forward_cursors")) {
      assertTrue(rs.next(), "a cursor row");
      assertEquals("http://127.0.0.1:" + endpoint.getPort() + PATH, rs.getString(1));
      return rs.getLong(2);
    }
  }

  /** A port nothing listens on, below Linux's ephemeral range so that no client takes it meanwhile; checked free. */
  private static int freePortBelow32768() {
    java.util.Random random = new java.util.Random(SEED);
    for (int i = 0; i < 100; i++) {
      int port = 20_000 + random.nextInt(12_768);
      try (java.net.ServerSocket probe = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
        return port;
      } catch (IOException taken) {
        // try the next one
      }
    }
    throw new AssertionError("no free port found between 20000 and 32767 (seed " + SEED + ")");
  }

  private static List<Long> range(long from, long to) {
    List<Long> r = new ArrayList<>();
    for (long i = from; i <= to; i++) {
      r.add(i);
    }
    return r;
  }

  private static int occurrences(String text, String word) {
    int n = 0;
    for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
      n++;
    }
    return n;
  }
}
