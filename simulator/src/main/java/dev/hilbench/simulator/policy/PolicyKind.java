package dev.hilbench.simulator.policy;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The reconnect policies, by the names used on the command line and in scenario files. */
public enum PolicyKind {
  FIXED("fixed"),
  EXPONENTIAL("exponential"),
  FULL_JITTER("full-jitter"),
  DECORRELATED_JITTER("decorrelated-jitter");

  private final String label;

  PolicyKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Accepts the label, the enum name, and {@code _} for {@code -}, case-insensitive. */
  public static PolicyKind parse(String text) {
    for (PolicyKind k : values()) {
      if (k.label.equalsIgnoreCase(text.replace('_', '-'))) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown reconnect policy '" + text + "' (known: "
        + Arrays.stream(values()).map(PolicyKind::label).collect(Collectors.joining(", ")) + ")");
  }

  @Override
  public String toString() {
    return label;
  }
}
