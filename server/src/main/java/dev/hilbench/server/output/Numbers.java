package dev.hilbench.server.output;

import java.math.BigDecimal;

/** Number formatting shared by the output formats. */
public final class Numbers {

  private Numbers() {}

  /**
   * Appends a sensor value the way a person reads it: the shortest decimal that is the same
   * double ({@code 28.3}, {@code 40.0}), never in exponent form ({@code 0.0001}, not {@code 1.0E-4}).
   */
  public static StringBuilder appendValue(StringBuilder s, double v) {
    double a = Math.abs(v);
    if (a != 0 && (a < 1e-3 || a >= 1e7)) {
      return s.append(BigDecimal.valueOf(v).stripTrailingZeros().toPlainString());
    }
    return s.append(v);
  }

  /** {@link #appendValue} as a string. */
  public static String value(double v) {
    return appendValue(new StringBuilder(12), v).toString();
  }
}
