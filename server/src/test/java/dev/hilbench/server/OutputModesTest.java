package dev.hilbench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON lines, the quiet counters line, and what start() says when it cannot start. */
class OutputModesTest {

  @TempDir Path dir;

  @Test
  void jsonModePrintsOneParseableObjectPerReadingAndEvent() throws Exception {
    ObjectMapper json = new ObjectMapper();
    try (RunningServer s = RunningServer.start(ServerConfig.forTests(dir.resolve("r.db")).withOutput(OutputMode.JSON));
         Node node = s.connect()) {
      node.hello("n1", "b1", false).reading(12, 1234567, 28.3, 65.2).line("1,2,nan,50");
      s.awaitOutput("the reading", "\"type\":\"reading\"");
      s.awaitErr("the bad line", "\"type\":\"bad_line\"");
      List<JsonNode> out = s.out.text().lines().map(l -> parse(json, l)).toList();
      JsonNode reading = out.stream().filter(o -> o.get("type").asText().equals("reading")).findFirst().orElseThrow();
      assertEquals("n1", reading.get("device").asText());
      assertEquals(12, reading.get("seq").asLong());
      assertEquals(28.3, reading.get("temperature").asDouble());
      assertTrue(out.stream().anyMatch(o -> o.get("type").asText().equals("event") && o.get("kind").asText().equals("hello")));
      JsonNode bad = parse(json, s.err.text().lines().filter(l -> l.contains("bad_line")).findFirst().orElseThrow());
      assertEquals("bad_temperature", bad.get("code").asText());
      assertEquals("1,2,nan,50", bad.get("excerpt").asText());
    }
  }

  @Test
  void quietModePrintsOnlyACountersLineNowAndThen() throws Exception {
    ReceiverServer.Tuning everyFewMillis = new ReceiverServer.Tuning(2, 1024, 1000, 20);
    try (RunningServer s = RunningServer.start(ServerConfig.forTests(dir.resolve("r.db")), everyFewMillis);
         Node node = s.connect()) {
      node.readings(0, 99).line("junk");
      s.awaitStored(100);
      s.awaitOutput("a counters line with the readings", "100 received");
      assertTrue(s.out.text().lines().allMatch(l -> l.contains(" received (")), "only counters lines: " + s.out.text());
      assertEquals("", s.err.text(), "bad lines are counted, not printed, in quiet mode");
    }
  }

  @Test
  void aTakenPortIsReportedAndNothingIsLeftRunning() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      ServerConfig config = ServerConfig.forTests(dir.resolve("r.db")).withAdminPort(taken.getLocalPort());
      IOException e = assertThrows(IOException.class, () -> ReceiverServer.start(config, new Captured().stream));
      assertTrue(e.getMessage().contains("cannot serve admin HTTP on 127.0.0.1:" + taken.getLocalPort()), e.getMessage());
      IOException listen = assertThrows(IOException.class,
          () -> ReceiverServer.start(config.withAdminPort(0).withPort(taken.getLocalPort()), new Captured().stream));
      assertTrue(listen.getMessage().contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()), listen.getMessage());
    }
    // The failed starts released the store: a server starts on it at once.
    try (RunningServer s = RunningServer.start(ServerConfig.forTests(dir.resolve("r.db"))); Node node = s.connect()) {
      node.readings(0, 0);
      s.awaitStored(1);
    }
    assertTrue(Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
        .noneMatch(n -> n.startsWith("hilbench-acceptor")), "no acceptor thread left behind");
  }

  private static JsonNode parse(ObjectMapper json, String line) {
    try {
      return json.readTree(line);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }
}
