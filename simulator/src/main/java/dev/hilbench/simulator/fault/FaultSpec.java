package dev.hilbench.simulator.fault;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A fault by name, with its probability and parameters, as written on a command line
 * ({@code slicer=1,average_size=4,delay=2000}) or in a scenario file. Plain data: it becomes a
 * working fault in {@link FaultCatalog}, which checks the name and every parameter.
 *
 * @param name        a name of the fault vocabulary ({@code drop}, {@code slicer}, ...)
 * @param probability per reading cycle for device faults, per connection for link faults
 * @param params      parameter name to value, as text
 */
public record FaultSpec(String name, double probability, Map<String, String> params) {

  public FaultSpec {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a fault needs a name");
    }
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("fault " + name + ": probability must be between 0 and 1, got " + probability);
    }
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params == null ? Map.of() : params));
  }

  /**
   * Parses {@code name=probability[,key=value...]}, e.g. {@code drop=0.05} or
   * {@code silence=0.01,duration=5s}.
   */
  public static FaultSpec parse(String text) {
    String[] parts = text.trim().split(",");
    String[] head = parts[0].split("=", 2);
    if (head.length != 2 || head[0].isBlank()) {
      throw new IllegalArgumentException("fault '" + text
          + "' must look like NAME=PROBABILITY[,KEY=VALUE...], e.g. drop=0.05 or slicer=1,average_size=4");
    }
    double p;
    try {
      p = Double.parseDouble(head[1].trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("fault '" + text + "': probability '" + head[1] + "' is not a number");
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 1; i < parts.length; i++) {
      String[] kv = parts[i].split("=", 2);
      if (kv.length != 2 || kv[0].isBlank()) {
        throw new IllegalArgumentException("fault '" + text + "': parameter '" + parts[i] + "' must be KEY=VALUE");
      }
      params.put(kv[0].trim().toLowerCase(Locale.ROOT), kv[1].trim());
    }
    return new FaultSpec(head[0].trim().toLowerCase(Locale.ROOT), p, params);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(name).append('=').append(probability);
    params.forEach((k, v) -> s.append(',').append(k).append('=').append(v));
    return s.toString();
  }
}
