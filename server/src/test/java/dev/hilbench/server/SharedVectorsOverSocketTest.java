package dev.hilbench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.protocol.LineError;
import dev.hilbench.protocol.vectors.VectorFile;
import dev.hilbench.server.store.ReadingStore;
import dev.hilbench.server.store.StoredReading;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every case of the protocol's shared vector file ({@code protocol/src/test/resources/vectors/lines.tsv},
 * read from the protocol's test-jar with its {@link VectorFile}), sent to a real server over a socket, each on its own connection after a hello: each valid
 * reading is stored with its values, each invalid line counted under its code, each hello
 * creates its device. The server answers {@code #ack} lines from a node as unknown_control: only
 * the server sends them.
 */
class SharedVectorsOverSocketTest {

  @TempDir Path dir;

  @Test
  void everyVectorOverASocket() throws Exception {
    Path db = dir.resolve("r.db");
    Map<LineError, Long> expectedErrors = new EnumMap<>(LineError.class);
    List<String> expectedReadings = new ArrayList<>();
    List<String[]> hellos = new ArrayList<>();
    int cases = 0;
    try (RunningServer s = RunningServer.start(ServerConfig.forTests(db))) {
      for (VectorFile.Row row : VectorFile.read("lines.tsv")) {
        List<String> columns = row.columns();
        String[] expected = columns.get(1).split(" ");
        String device = "vector-" + row.lineNumber();
        try (Node node = s.connect()) {
          // CR LF, as println ends lines: the framer removes exactly that, so a vector's own trailing CR survives.
          node.hello(device, "b1", false).send(concat(VectorFile.unescape(columns.get(0)), new byte[] {'\r', '\n'}));
        }
        cases++;
        int accepted = cases;
        // Accepted and closed again: the server applied the lines before it closed the connection.
        RunningServer.waitUntil("connection " + cases + " handled",
            () -> s.stats().connectionsAccepted() == accepted && s.stats().connectionsOpen() == 0);
        switch (expected[0]) {
          case "reading" -> expectedReadings.add(device + " " + Long.parseLong(expected[1]) + " "
              + Long.parseLong(expected[2]) + " " + Double.parseDouble(expected[3]) + " " + Double.parseDouble(expected[4]));
          case "error" -> expectedErrors.merge(LineError.ofCode(expected[1]), 1L, Long::sum);
          case "ack" -> expectedErrors.merge(LineError.UNKNOWN_CONTROL, 1L, Long::sum);
          case "hello" -> hellos.add(expected);
          case "blank" -> { }
          default -> throw new AssertionError("unknown expectation in vectors " + row);
        }
      }
      s.awaitStored(expectedReadings.size());
      assertEquals(expectedErrors, s.stats().malformedByCode(), s.err.text());
      for (String[] hello : hellos) {
        DeviceSnapshot d = s.device(hello[1]);
        assertEquals(IdentifiedBy.HELLO, d.identifiedBy());
        assertTrue(d.firmware().equals(hello[2]) || hellos.stream().anyMatch(h -> h[1].equals(hello[1]) && h[2].equals(d.firmware())),
            "firmware of " + hello[1]);
      }
    }
    List<String> stored = new ArrayList<>();
    for (StoredReading r : ReadingStore.readAll(db)) {
      stored.add(r.device() + " " + r.seq() + " " + r.millis() + " " + r.temperature() + " " + r.humidity());
    }
    assertEquals(expectedReadings, stored);
    assertTrue(cases >= 50, "read the whole vector file: " + cases + " cases");
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
