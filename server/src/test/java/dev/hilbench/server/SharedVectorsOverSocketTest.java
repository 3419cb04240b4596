package dev.hilbench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.protocol.LineError;
import dev.hilbench.server.store.ReadingStore;
import dev.hilbench.server.store.StoredReading;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every case of the protocol's shared vector file ({@code protocol/src/test/resources/vectors/lines.tsv}),
 * sent to a real server over a socket, each on its own connection after a hello: each valid
 * reading is stored with its values, each invalid line counted under its code, each hello
 * creates its device. The server answers {@code #ack} lines from a node as unknown_control: only
 * the server sends them.
 */
class SharedVectorsOverSocketTest {

  private static final Path VECTORS = Path.of("../protocol/src/test/resources/vectors/lines.tsv");

  @TempDir Path dir;

  @Test
  void everyVectorOverASocket() throws Exception {
    assertTrue(Files.isRegularFile(VECTORS), "the shared vector file is at " + VECTORS.toAbsolutePath());
    Path db = dir.resolve("r.db");
    Map<LineError, Long> expectedErrors = new EnumMap<>(LineError.class);
    List<String> expectedReadings = new ArrayList<>();
    List<String[]> hellos = new ArrayList<>();
    int cases = 0;
    try (RunningServer s = RunningServer.start(ServerConfig.forTests(db))) {
      List<String> lines = Files.readAllLines(VECTORS, StandardCharsets.US_ASCII);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.isEmpty() || line.startsWith("# ")) {
          continue;
        }
        String[] columns = line.split("\t", -1);
        String[] expected = columns[1].split(" ");
        String device = "vector-" + (i + 1);
        try (Node node = s.connect()) {
          // CR LF, as println ends lines: the framer removes exactly that, so a vector's own trailing CR survives.
          node.hello(device, "b1", false).send(concat(unescape(columns[0]), new byte[] {'\r', '\n'}));
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
          default -> throw new AssertionError("unknown expectation in vectors line " + (i + 1) + ": " + columns[1]);
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

  /** The vector file's escapes: \r \n \t \\ \xHH. */
  private static byte[] unescape(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\') {
        out.write(c);
        continue;
      }
      char e = s.charAt(++i);
      switch (e) {
        case 'r' -> out.write('\r');
        case 'n' -> out.write('\n');
        case 't' -> out.write('\t');
        case '\\' -> out.write('\\');
        case 'x' -> {
          out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
          i += 2;
        }
        default -> throw new IllegalArgumentException("bad escape \\" + e + " in " + s);
      }
    }
    return out.toByteArray();
  }
}
