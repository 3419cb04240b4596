package dev.hilbench.server.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Reads durations as people write them: {@code 60s}, {@code 500ms}, {@code 2m}, {@code 1h},
 * {@code 0} (off), or ISO-8601 ({@code PT1M30S}).
 */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

  private static final Pattern SIMPLE = Pattern.compile("(\\d+)(ms|s|m|h)?");

  @Override
  public Duration convert(String value) {
    return parse(value);
  }

  public static Duration parse(String value) {
    String v = value.trim();
    Matcher m = SIMPLE.matcher(v);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      String unit = m.group(2);
      if (unit == null && n != 0) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' has no unit: write 500ms, 60s, 2m or 1h (or 0 for off)");
      }
      return switch (unit == null ? "s" : unit) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofHours(n);
      };
    }
    try {
      Duration d = Duration.parse(v);
      if (d.isNegative()) {
        throw new CommandLine.TypeConversionException("'" + value + "' is negative");
      }
      return d;
    } catch (DateTimeParseException e) {
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is not a duration: write 500ms, 60s, 2m, 1h, 0 (off) or ISO-8601 like PT90S");
    }
  }
}
