package dev.hilbench.server.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryAfterTest {

  private static final Instant NOW = Instant.parse("2025-10-21T07:28:00Z");

  @ParameterizedTest(name = "Retry-After: ''{0}'' -> {1}")
  @CsvSource(delimiter = '|', nullValues = "none", value = {
      "0                             | PT0S",
      "1                             | PT1S",
      "' 120 '                       | PT2M",
      "3600                          | PT1H",
      "3601                          | PT1H",
      "999999999999999999            | PT1H",
      "Tue, 21 Oct 2025 07:28:05 GMT | PT5S",
      "Tue, 21 Oct 2025 07:27:00 GMT | PT0S",
      "Wed, 22 Oct 2025 07:28:00 GMT | PT1H",
      "-1                            | none",
      "1.5                           | none",
      "soon                          | none",
      "''                            | none",
      "none                          | none",
  })
  void parsesSecondsAndHttpDates(String header, String expected) {
    Optional<Duration> want = expected == null ? Optional.empty() : Optional.of(Duration.parse(expected));
    assertEquals(want, RetryAfter.parse(header, NOW));
  }
}
