package dev.hilbench.features.dut;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A device fault as a scenario and the firmware console write it: a name of the design's fault
 * vocabulary with {@code key=value} parameters, e.g. {@code coalesce n=3} or
 * {@code slicer average_size=4 delay=2000}. The probability, where there is one, is the
 * parameter {@code p} (1 when absent).
 */
public record FaultSetting(String name, Map<String, String> params) {

  public FaultSetting {
    if (name == null || name.isBlank() || !name.matches("[a-z_]+")) {
      throw new IllegalArgumentException("a fault name is lower-case letters and _, got '" + name + "'");
    }
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /** Parses {@code name [key=value ...]}; a word without {@code =} is an error naming it. */
  public static FaultSetting parse(String text) {
    String[] words = text.trim().split("\\s+");
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 1; i < words.length; i++) {
      String[] kv = words[i].split("=", 2);
      if (kv.length != 2 || kv[0].isEmpty() || kv[1].isEmpty()) {
        throw new IllegalArgumentException("fault '" + text + "': '" + words[i] + "' is not key=value");
      }
      params.put(kv[0].toLowerCase(Locale.ROOT), kv[1]);
    }
    return new FaultSetting(words[0].toLowerCase(Locale.ROOT), params);
  }

  /** The probability per reading cycle (or per connection for link faults): {@code p}, else 1. */
  public double probability() {
    String p = params.get("p");
    if (p == null) {
      return 1.0;
    }
    try {
      return Double.parseDouble(p);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("fault " + name + ": p=" + p + " is not a number");
    }
  }

  /** The parameters other than {@code p}. */
  public Map<String, String> paramsWithoutProbability() {
    Map<String, String> m = new LinkedHashMap<>(params);
    m.remove("p");
    return m;
  }

  /** As the console takes it: {@code coalesce n=3}. */
  @Override
  public String toString() {
    return params.isEmpty() ? name
        : name + " " + params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
  }
}
