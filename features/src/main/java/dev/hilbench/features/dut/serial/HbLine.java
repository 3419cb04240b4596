package dev.hilbench.features.dut.serial;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One machine-readable line of the firmware's serial log: {@code HB <event> key=value ...}, e.g.
 * {@code HB sent seq=4 millis=1234 t=23.4 h=56.0}. Words without {@code =} after the event are
 * kept as part of it ({@code HB wifi up ip=...} is event {@code wifi up}).
 */
public record HbLine(String event, Map<String, String> fields) {

  private static final Pattern PREFIX = Pattern.compile("(?:^|.*?\\s)HB\\s+(.*)$");

  public HbLine {
    fields = Map.copyOf(fields);
  }

  /** The HB line in a line of console text, if there is one (boot noise before it is skipped). */
  public static Optional<HbLine> parse(String consoleLine) {
    Matcher m = PREFIX.matcher(consoleLine.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    StringBuilder event = new StringBuilder();
    Map<String, String> fields = new LinkedHashMap<>();
    for (String word : m.group(1).trim().split("\\s+")) {
      int eq = word.indexOf('=');
      if (eq > 0) {
        fields.put(word.substring(0, eq), word.substring(eq + 1));
      } else if (fields.isEmpty()) {
        event.append(event.isEmpty() ? "" : " ").append(word);
      }
    }
    return event.isEmpty() ? Optional.empty() : Optional.of(new HbLine(event.toString(), fields));
  }

  public String get(String key) {
    String v = fields.get(key);
    if (v == null) {
      throw new IllegalArgumentException("HB " + event + " line without " + key + "=: " + fields);
    }
    return v;
  }

  public long number(String key) {
    try {
      return Long.parseLong(get(key));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("HB " + event + ": " + key + "=" + fields.get(key) + " is not a number");
    }
  }

  public double decimal(String key) {
    try {
      return Double.parseDouble(get(key));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("HB " + event + ": " + key + "=" + fields.get(key) + " is not a number");
    }
  }
}
