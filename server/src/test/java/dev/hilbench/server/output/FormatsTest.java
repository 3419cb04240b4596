package dev.hilbench.server.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hilbench.protocol.LineCodec;
import dev.hilbench.protocol.LineError;
import dev.hilbench.protocol.Malformed;
import dev.hilbench.protocol.Reading;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FormatsTest {

  private static final long AT = Instant.parse("2025-03-01T16:00:01.042Z").toEpochMilli();

  @Test
  void theClassroomLineWithTheNodeAdded() {
    Reading r = (Reading) LineCodec.decode("12,1234567,28.3,65.2");
    String line = ClassroomFormat.appendReading(new StringBuilder(), "16:00:01", "192.168.1.23", r, false).toString();
    assertEquals("[16:00:01] 192.168.1.23 Seq:12 Time:1234567 Temp:28.3°C Hum:65.2%\n", line);
  }

  @ParameterizedTest(name = "{0} prints as {1}")
  @CsvSource({"28.3, 28.3", "21.50, 21.5", "40, 40.0", "-5.5, -5.5", "0.0001, 0.0001", "-0.00005, -0.00005",
      "100.0, 100.0", "21.123456, 21.123456"})
  void valuesPrintAsTheShortestPlainDecimal(double value, String text) {
    assertEquals(text, Numbers.value(value));
  }

  @Test
  void aDuplicateIsMarked() {
    String line = ClassroomFormat.appendReading(new StringBuilder(), "16:00:01", "n1", new Reading(1, 2, 20, 50), true)
        .toString();
    assertEquals("[16:00:01] n1 Seq:1 Time:2 Temp:20.0°C Hum:50.0% (duplicate, not stored again)\n", line);
  }

  @Test
  void aBadLineNamesDeviceCodeDetailAndExcerpt() {
    Malformed m = (Malformed) LineCodec.decode("1,2,nan,50");
    String line = ClassroomFormat.appendBadLine(new StringBuilder(), "16:00:01", "node-7", "10.0.0.9:4000", m).toString();
    assertEquals("[16:00:01] node-7 (10.0.0.9:4000) bad line, bad_temperature: "
        + "temperature (field 3) is not a decimal number: \"1,2,nan,50\"\n", line);
    String byIp = ClassroomFormat.appendBadLine(new StringBuilder(), "16:00:01", "10.0.0.9", "10.0.0.9:4000", m).toString();
    assertEquals("[16:00:01] 10.0.0.9 bad line, bad_temperature: temperature (field 3) is not a decimal number: "
        + "\"1,2,nan,50\"\n", byIp, "the address is not repeated for a device known by it");
  }

  @Test
  void clockFormatsLocalSecondsAndUtcMilliseconds() {
    Clock clock = new Clock(ZoneOffset.ofHours(1));
    assertEquals("17:00:01", clock.localTime(AT));
    assertEquals("17:00:01", clock.localTime(AT + 500), "cached within the second");
    assertEquals("17:00:02", clock.localTime(AT + 1000));
    assertEquals("2025-03-01T16:00:01.042Z", clock.appendUtc(new StringBuilder(), AT).toString());
    assertEquals("2025-03-01T16:00:01.999Z", clock.appendUtc(new StringBuilder(), AT + 957).toString());
    assertEquals("2025-03-01T16:00:02.000Z", clock.appendUtc(new StringBuilder(), AT + 958).toString());
  }

  @Test
  void jsonLinesParseBackWithEveryField() throws Exception {
    ObjectMapper json = new ObjectMapper();
    Clock clock = new Clock(ZoneOffset.UTC);
    JsonNode reading = json.readTree(JsonLines.appendReading(new StringBuilder(), clock, AT, "node-7", "b1",
        "127.0.0.1:4000", new Reading(12, 1234567, 28.3, 65.2), false).toString());
    assertEquals("reading", reading.get("type").asText());
    assertEquals("2025-03-01T16:00:01.042Z", reading.get("at").asText());
    assertEquals("node-7", reading.get("device").asText());
    assertEquals("b1", reading.get("boot").asText());
    assertEquals(12, reading.get("seq").asLong());
    assertEquals(1234567, reading.get("millis").asLong());
    assertEquals(28.3, reading.get("temperature").asDouble());
    assertEquals(65.2, reading.get("humidity").asDouble());
    assertEquals("127.0.0.1:4000", reading.get("peer").asText());
    assertEquals(false, reading.get("duplicate").asBoolean());

    Malformed nasty = new Malformed(LineError.INVALID_BYTE, "a \"quoted\" detail\twith a tab", "\\x00\"\\");
    JsonNode bad = json.readTree(JsonLines.appendBadLine(new StringBuilder(), clock, AT, null, "p", nasty).toString());
    assertEquals("bad_line", bad.get("type").asText());
    assertEquals(true, bad.get("device").isNull());
    assertEquals("invalid_byte", bad.get("code").asText());
    assertEquals(nasty.detail(), bad.get("detail").asText());
    assertEquals(nasty.excerpt(), bad.get("excerpt").asText());

    JsonNode event = json.readTree(JsonLines.appendEvent(new StringBuilder(), clock, AT, "n", "p", "hello", "fw=1\u0001")
        .toString());
    assertEquals("hello", event.get("kind").asText());
    assertEquals("fw=1\u0001", event.get("detail").asText());
  }
}
