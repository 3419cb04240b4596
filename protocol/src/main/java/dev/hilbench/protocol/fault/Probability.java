package dev.hilbench.protocol.fault;

import java.math.BigDecimal;

/**
 * A fault's probability in text: a decimal from 0 to 1 with at most 6 decimals, without sign or
 * exponent (the firmware keeps it in parts per million), printed as the shortest decimal.
 */
final class Probability {

  static final int MAX_DECIMALS = 6;

  private Probability() {}

  /** The value of {@code text}; {@link Problem} with BAD_PROBABILITY or PROBABILITY_RANGE. */
  static BigDecimal parse(String text) {
    int dot = text.indexOf('.');
    String whole = dot < 0 ? text : text.substring(0, dot);
    String fraction = dot < 0 ? null : text.substring(dot + 1);
    if (!digits(whole) || (fraction != null && (!digits(fraction) || fraction.length() > MAX_DECIMALS))) {
      throw new Problem(FaultError.BAD_PROBABILITY, "probability '" + text + "' is not a decimal from 0 to 1",
          "at most " + MAX_DECIMALS + " decimals, no sign: e.g. 0.05");
    }
    BigDecimal p = new BigDecimal(text);
    if (p.compareTo(BigDecimal.ONE) > 0) {
      throw new Problem(FaultError.PROBABILITY_RANGE, "probability " + text + " is above 1", null);
    }
    return p;
  }

  /** A probability given as a number, through the same check as text. */
  static BigDecimal of(double p) {
    if (!Double.isFinite(p)) {
      throw new Problem(FaultError.BAD_PROBABILITY, "probability " + p + " is not a decimal from 0 to 1", null);
    }
    BigDecimal d = BigDecimal.valueOf(p);
    return parse(d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString());
  }

  /** {@code 0.05}, {@code 1}, {@code 0}: no trailing zeros. */
  static String format(BigDecimal p) {
    return p.signum() == 0 ? "0" : p.stripTrailingZeros().toPlainString();
  }

  private static boolean digits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
