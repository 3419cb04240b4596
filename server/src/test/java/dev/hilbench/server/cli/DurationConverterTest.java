package dev.hilbench.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class DurationConverterTest {

  @ParameterizedTest(name = "{0} is {1} ms")
  @CsvSource({"500ms, 500", "60s, 60000", "2m, 120000", "1h, 3600000", "0, 0", "0s, 0", "PT1M30S, 90000", " 5s , 5000"})
  void readsDurationsAsPeopleWriteThem(String text, long millis) {
    assertEquals(Duration.ofMillis(millis), DurationConverter.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"5", "five", "-5s", "5 s", "5d", "", "PT-5S"})
  void rejectsAnythingElseWithAMessage(String text) {
    CommandLine.TypeConversionException e =
        assertThrows(CommandLine.TypeConversionException.class, () -> DurationConverter.parse(text));
    assertEquals(true, e.getMessage().contains("'" + text.trim() + "'") || e.getMessage().contains("'" + text + "'"),
        e.getMessage());
  }
}
