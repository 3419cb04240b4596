package dev.hilbench.simulator.fault;

import dev.hilbench.simulator.Durations;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Reads a fault's parameters, remembers which ones it was asked for, and refuses any other: a
 * typo in a parameter name is an error naming the fault and the parameters it knows.
 */
final class FaultParams {

  private final FaultSpec spec;
  private final Set<String> known = new LinkedHashSet<>();

  FaultParams(FaultSpec spec) {
    this.spec = spec;
  }

  long millis(String key, long defaultMillis) {
    return duration(key, defaultMillis, 1_000_000L) / 1_000_000L;
  }

  long micros(String key, long defaultMicros) {
    return duration(key, defaultMicros, 1_000L) / 1_000L;
  }

  private long duration(String key, long dflt, long unitNanos) {
    known.add(key);
    String v = spec.params().get(key);
    if (v == null) {
      return dflt * unitNanos;
    }
    try {
      return Durations.parse(v, unitNanos).toNanos();
    } catch (IllegalArgumentException e) {
      throw problem(key, e.getMessage());
    }
  }

  int integer(String key, int dflt, int min) {
    known.add(key);
    String v = spec.params().get(key);
    if (v == null) {
      return dflt;
    }
    int n;
    try {
      n = Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw problem(key, "'" + v + "' is not a whole number");
    }
    if (n < min) {
      throw problem(key, "must be at least " + min + ", got " + n);
    }
    return n;
  }

  boolean flag(String key, boolean dflt) {
    known.add(key);
    String v = spec.params().get(key);
    if (v == null) {
      return dflt;
    }
    return switch (v.toLowerCase()) {
      case "1", "true", "yes" -> true;
      case "0", "false", "no" -> false;
      default -> throw problem(key, "'" + v + "' is not true/false");
    };
  }

  <E extends Enum<E>> E choice(String key, Class<E> type, E dflt) {
    known.add(key);
    String v = spec.params().get(key);
    if (v == null) {
      return dflt;
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(v)) {
        return e;
      }
    }
    throw problem(key, "'" + v + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase());
  }

  /** Fails on any parameter nobody asked for. Call after reading them all. */
  void rejectUnknown() {
    for (String key : spec.params().keySet()) {
      if (!known.contains(key)) {
        throw new IllegalArgumentException("fault " + spec.name() + ": unknown parameter '" + key + "'"
            + (known.isEmpty() ? " (it takes none)" : " (known: " + String.join(", ", known) + ")"));
      }
    }
  }

  private IllegalArgumentException problem(String key, String what) {
    return new IllegalArgumentException("fault " + spec.name() + ", parameter " + key + ": " + what);
  }
}
