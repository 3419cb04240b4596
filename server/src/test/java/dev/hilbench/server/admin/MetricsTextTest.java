package dev.hilbench.server.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.protocol.LineError;
import dev.hilbench.server.ServerStats;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MetricsTextTest {

  // A sample line of the text exposition format: name, optional labels, value.
  private static final Pattern SAMPLE = Pattern.compile(
      "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[a-zA-Z_][a-zA-Z0-9_]*=\"(?:\\\\.|[^\"\\\\])*\"(?:,[a-zA-Z_][a-zA-Z0-9_]*=\"(?:\\\\.|[^\"\\\\])*\")*\\})? (-?[0-9]+(?:\\.[0-9]+)?)");
  private static final Pattern TYPE = Pattern.compile("# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge)");

  private static final ServerStats STATS = new ServerStats(Instant.parse("2025-03-01T16:00:01.042Z"), 3, 10, 2,
      1234, 1200, Instant.parse("2025-03-01T16:20:00.500Z"), null, 5, 6, 1, 9, Map.of(LineError.FIELD_COUNT, 7L, LineError.OVERSIZE, 2L), 4, 1, 99999, 34, 2, 8, true);

  @Test
  void everyLineIsValidAndEverySampleHasItsType() {
    String text = MetricsText.format(STATS);
    Set<String> typed = new HashSet<>();
    for (String line : text.split("\n")) {
      if (line.startsWith("# HELP ")) {
        continue;
      }
      Matcher type = TYPE.matcher(line);
      if (type.matches()) {
        assertTrue(typed.add(type.group(1)), "one TYPE per metric: " + line);
        continue;
      }
      Matcher sample = SAMPLE.matcher(line);
      assertTrue(sample.matches(), "not a valid sample line: '" + line + "'");
      assertTrue(typed.contains(sample.group(1)), "sample before its TYPE: " + line);
      if (sample.group(1).endsWith("_total")) {
        assertTrue(text.contains("# TYPE " + sample.group(1) + " counter"), "a _total is a counter: " + line);
      }
    }
    assertTrue(text.endsWith("\n"));
  }

  @Test
  void theValuesAreTheStats() {
    String text = MetricsText.format(STATS);
    assertSample(text, "hilbench_connections_open", "3");
    assertSample(text, "hilbench_connections_accepted_total", "10");
    assertSample(text, "hilbench_connections_refused_total", "2");
    assertSample(text, "hilbench_readings_received_total", "1234");
    assertSample(text, "hilbench_readings_stored_total", "1200");
    assertSample(text, "hilbench_last_reading_timestamp_seconds", "1740846000.500");
    assertSample(text, "hilbench_last_stored_timestamp_seconds", "0");
    assertSample(text, "hilbench_readings_duplicate_total", "5");
    assertSample(text, "hilbench_readings_missing", "6");
    assertSample(text, "hilbench_malformed_lines_total{code=\"field_count\"}", "7");
    assertSample(text, "hilbench_malformed_lines_total{code=\"oversize\"}", "2");
    assertSample(text, "hilbench_malformed_lines_total{code=\"bad_seq\"}", "0");
    assertSample(text, "hilbench_idle_closes_total", "4");
    assertSample(text, "hilbench_store_queue_depth", "34");
    assertSample(text, "hilbench_start_time_seconds", "1740844801.042");
    assertEquals(LineError.values().length, text.lines().filter(l -> l.startsWith("hilbench_malformed_lines_total{")).count(),
        "every reason code is listed");
  }

  @Test
  void labelValuesAreEscaped() {
    assertEquals("a\\\"b\\\\c\\nd", MetricsText.escapeLabel("a\"b\\c\nd"));
  }

  private static void assertSample(String text, String series, String value) {
    assertTrue(text.contains("\n" + series + " " + value + "\n"), series + " " + value + " in:\n" + text);
  }
}
