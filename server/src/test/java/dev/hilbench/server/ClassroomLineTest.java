package dev.hilbench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.server.store.ReadingStore;
import dev.hilbench.server.store.StoredReading;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The "done when": the classroom line, from any TCP client, whole or byte by byte. */
class ClassroomLineTest {

  private static final Pattern CLASSROOM_LINE = Pattern.compile(
      "(?m)^\\[\\d\\d:\\d\\d:\\d\\d] 127\\.0\\.0\\.1 Seq:12 Time:1234567 Temp:28\\.3°C Hum:65\\.2%$");

  @TempDir Path dir;

  @ParameterizedTest(name = "sent {0}")
  @ValueSource(strings = {"whole", "byte by byte", "with LF only"})
  void printsTheClassroomLineAndStoresTheReading(String how) throws Exception {
    Path db = dir.resolve("r.db");
    try (RunningServer s = RunningServer.start(ServerConfig.forTests(db).withOutput(OutputMode.LINES));
         Node node = s.connect()) {
      switch (how) {
        case "whole" -> node.send("12,1234567,28.3,65.2\r\n");
        case "byte by byte" -> node.sendByteByByte("12,1234567,28.3,65.2\r\n");
        default -> node.send("12,1234567,28.3,65.2\n");
      }
      RunningServer.waitUntil("the classroom line is printed", () -> CLASSROOM_LINE.matcher(s.out.text()).find());
      s.awaitStored(1);
      assertEquals("", s.err.text(), "no bad input reported");
    }
    List<StoredReading> stored = ReadingStore.readAll(db);
    assertEquals(1, stored.size());
    StoredReading r = stored.get(0);
    assertEquals("127.0.0.1", r.device());
    assertEquals("ip-1", r.boot());
    assertEquals(12, r.seq());
    assertEquals(1234567, r.millis());
    assertEquals(28.3, r.temperature());
    assertEquals(65.2, r.humidity());
    assertTrue(r.peer().startsWith("127.0.0.1:"), r.peer());
  }
}
