package dev.hilbench.server.forward;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a {@code Retry-After} header (RFC 9110, section 10.2.3): either delay-seconds
 * ({@code 120}) or an HTTP-date ({@code Wed, 21 Oct 2025 07:28:00 GMT}). A date in the past means
 * now. Anything else is ignored (the caller falls back to its backoff). A wait longer than
 * {@link #LONGEST} is cut to it, so that a misconfigured endpoint cannot park forwarding for days.
 */
final class RetryAfter {

  /** The longest wait a Retry-After header can impose. */
  static final Duration LONGEST = Duration.ofHours(1);

  private static final Pattern SECONDS = Pattern.compile("\\d{1,18}");

  private RetryAfter() {}

  static Optional<Duration> parse(String value, Instant now) {
    if (value == null) {
      return Optional.empty();
    }
    String v = value.trim();
    if (SECONDS.matcher(v).matches()) {
      return Optional.of(atMostLongest(Duration.ofSeconds(Long.parseLong(v))));
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(now, at);
      return Optional.of(wait.isNegative() ? Duration.ZERO : atMostLongest(wait));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Duration atMostLongest(Duration d) {
    return d.compareTo(LONGEST) > 0 ? LONGEST : d;
  }
}
