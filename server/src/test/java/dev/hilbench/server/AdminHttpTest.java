package dev.hilbench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /status, /devices and /metrics over real HTTP. */
class AdminHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void theAdminEndpointsAnswer() throws Exception {
    Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    try (RunningServer s = RunningServer.start(ServerConfig.forTests(dir.resolve("r.db")));
         Node named = s.connect(); Node classroom = s.connectFrom("127.0.0.5")) {
      named.hello("node-1", "b1", false).readings(0, 2).line("1,2,nan,50");
      classroom.readings(0, 1);
      s.awaitStored(5);
      s.awaitMalformed(1);

      HttpResponse<String> status = get(s, "/status");
      assertEquals(200, status.statusCode());
      assertEquals("application/json", status.headers().firstValue("Content-Type").orElseThrow());
      JsonNode st = JSON.readTree(status.body());
      assertEquals(2, st.get("connections_open").asInt());
      assertEquals(5, st.get("readings_received").asLong());
      assertEquals(5, st.get("readings_stored").asLong());
      Instant now = Instant.now();
      for (String when : new String[] {"last_reading_at", "last_stored_at"}) {
        Instant t = Instant.parse(st.get(when).asText());
        assertTrue(!t.isBefore(before) && !t.isAfter(now), when + " " + t + " is not within the test (" + before + " to " + now + ")");
      }
      assertEquals(1, st.get("malformed_by_code").get("bad_temperature").asLong());
      assertEquals(2, st.get("devices").asInt());
      assertEquals(true, st.get("store_enabled").asBoolean());

      JsonNode devices = JSON.readTree(get(s, "/devices").body());
      assertEquals(2, devices.get("count").asInt());
      JsonNode first = devices.get("devices").get(0);
      assertEquals("node-1", first.get("device").asText(), "named devices first");
      assertEquals("hello", first.get("identified_by").asText());
      assertEquals(3, first.get("readings").asLong());
      assertEquals(2, first.get("last_reading").get("seq").asLong());
      assertEquals("bad_temperature", first.get("last_malformed").get("code").asText());
      assertEquals("ip", devices.get("devices").get(1).get("identified_by").asText());
      assertEquals("ip-1", devices.get("devices").get(1).get("boot").asText());

      JsonNode one = JSON.readTree(get(s, "/devices/127.0.0.5").body());
      assertEquals(2, one.get("readings").asLong());
      assertEquals(true, one.get("connected").asBoolean());
      assertEquals(404, get(s, "/devices/nobody").statusCode());

      HttpResponse<String> metrics = get(s, "/metrics");
      assertEquals(200, metrics.statusCode());
      assertTrue(metrics.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain; version=0.0.4"));
      assertTrue(metrics.body().contains("\nhilbench_readings_received_total 5\n"), metrics.body());
      assertTrue(metrics.body().contains("\nhilbench_malformed_lines_total{code=\"bad_temperature\"} 1\n"));

      assertEquals(404, get(s, "/nothing").statusCode());
      HttpResponse<String> post = http.send(HttpRequest.newBuilder(uri(s, "/status"))
          .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(405, post.statusCode());
      assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElseThrow());
    }
  }

  @Test
  void adminHttpCanBeTurnedOff() throws Exception {
    try (RunningServer s = RunningServer.start(ServerConfig.forTests(null).withAdminPort(-1))) {
      assertEquals(-1, s.server.adminPort());
    }
  }

  private HttpResponse<String> get(RunningServer s, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(s, path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(RunningServer s, String path) {
    return URI.create("http://127.0.0.1:" + s.server.adminPort() + path);
  }
}
