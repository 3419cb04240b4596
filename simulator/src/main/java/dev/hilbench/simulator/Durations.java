package dev.hilbench.simulator;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them on a command line or in a scenario: {@code 5s}, {@code 500ms},
 * {@code 1.5s}, {@code 2m}, {@code 1h}, {@code 250us}. A bare number takes the unit of the place
 * it is used (milliseconds for Toxiproxy-style fault parameters).
 */
public final class Durations {

  private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(us|µs|ms|s|m|h)?");

  private Durations() {}

  /** Parses {@code text}; a bare number is in {@code bareUnitNanos} (e.g. 1_000_000 for ms). */
  public static Duration parse(String text, long bareUnitNanos) {
    Matcher m = FORM.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a duration (examples: 5s, 500ms, 2m, 1h)");
    }
    double value = Double.parseDouble(m.group(1));
    String unit = m.group(2);
    double nanosPerUnit = unit == null ? bareUnitNanos : switch (unit) {
      case "us", "µs" -> 1e3;
      case "ms" -> 1e6;
      case "s" -> 1e9;
      case "m" -> 60e9;
      default -> 3600e9;
    };
    return Duration.ofNanos(Math.round(value * nanosPerUnit));
  }

  /** Parses {@code text}; a bare number is in seconds, as most command-line durations are. */
  public static Duration parse(String text) {
    return parse(text, 1_000_000_000L);
  }

  /** Short form for output: {@code 1.5s}, {@code 250ms}, {@code 2m}. */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms % 60_000 == 0 && ms >= 60_000) {
      return ms / 60_000 + "m";
    }
    if (ms % 1000 == 0) {
      return ms / 1000 + "s";
    }
    return ms < 1000 ? ms + "ms" : (ms / 1000.0) + "s";
  }
}
