package dev.hilbench.protocol.fault;

import java.math.BigInteger;
import java.util.List;

/**
 * One parameter of a fault: its name, what its values are, its default and range.
 *
 * @param name         as written in a spec ({@code average_size}); Toxiproxy's where Toxiproxy has it
 * @param type         a whole number in a unit, true/false, or one of a few words
 * @param unit         the unit of a number; null otherwise
 * @param defaultValue the canonical text of the default; null when the parameter is required
 * @param min          smallest number accepted (numbers only)
 * @param max          largest number accepted (numbers only)
 * @param choices      the words accepted (choices only; the first is not necessarily the default)
 */
public record FaultParam(String name, Type type, Unit unit, String defaultValue, long min, long max,
    List<String> choices) {

  /** What a value is. */
  public enum Type { NUMBER, FLAG, CHOICE }

  /** The largest number of any parameter without a tighter bound: fits 32 bits unsigned, safe in nanoseconds. */
  public static final long MAX_NUMBER = 1_000_000_000L;

  public FaultParam {
    choices = List.copyOf(choices);
  }

  static FaultParam number(String name, Unit unit, Long defaultValue, long min, long max) {
    return new FaultParam(name, Type.NUMBER, unit, defaultValue == null ? null : defaultValue.toString(), min, max, List.of());
  }

  static FaultParam flag(String name, boolean defaultValue) {
    return new FaultParam(name, Type.FLAG, null, Boolean.toString(defaultValue), 0, 1, List.of("true", "false"));
  }

  static FaultParam choice(String name, String defaultValue, String... choices) {
    return new FaultParam(name, Type.CHOICE, null, defaultValue, 0, choices.length - 1, List.of(choices));
  }

  public boolean required() {
    return defaultValue == null;
  }

  /**
   * The canonical text of a value as written in a spec: a number in this parameter's unit without
   * suffix or leading zeros, {@code true}/{@code false}, or the choice.
   *
   * @throws Problem {@link FaultError#BAD_VALUE} or {@link FaultError#VALUE_RANGE}
   */
  String canonical(String value) {
    return switch (type) {
      case NUMBER -> Long.toString(number(value));
      case FLAG, CHOICE -> {
        if (!choices.contains(value)) {
          throw new Problem(FaultError.BAD_VALUE, name + " '" + value + "' is not " + choiceWords(), null);
        }
        yield value;
      }
    };
  }

  private String choiceWords() {
    return type == Type.FLAG ? "true or false" : "one of " + String.join(", ", choices);
  }

  private long number(String value) {
    int digits = 0;
    while (digits < value.length() && value.charAt(digits) >= '0' && value.charAt(digits) <= '9') {
      digits++;
    }
    String suffix = value.substring(digits);
    long suffixNanos = switch (suffix) {
      case "" -> unit.nanos();
      case "us" -> 1_000L;
      case "ms" -> 1_000_000L;
      case "s" -> 1_000_000_000L;
      default -> -1;
    };
    if (digits == 0 || suffixNanos < 0 || (!suffix.isEmpty() && !unit.isDuration())) {
      throw new Problem(FaultError.BAD_VALUE, name + " '" + value + "' is not a whole number",
          unit.isDuration() ? "in " + unit.asciiSymbol() + ", or with a unit: us, ms, s" : "in " + unit.symbol());
    }
    BigInteger n = new BigInteger(value.substring(0, digits));
    if (!suffix.isEmpty()) {
      // In nanoseconds first, then in the parameter's unit, which must come out whole.
      BigInteger[] q = n.multiply(BigInteger.valueOf(suffixNanos)).divideAndRemainder(BigInteger.valueOf(unit.nanos()));
      if (q[1].signum() != 0) {
        throw new Problem(FaultError.BAD_VALUE, name + " '" + value + "' is not a whole number of " + unit.asciiSymbol(), null);
      }
      n = q[0];
    }
    if (n.compareTo(BigInteger.valueOf(min)) < 0 || n.compareTo(BigInteger.valueOf(max)) > 0) {
      throw new Problem(FaultError.VALUE_RANGE, name + " " + value + " is out of range", range());
    }
    return n.longValueExact();
  }

  /** {@code 2..16 readings}. */
  String range() {
    return min + ".." + max + " " + unit.asciiSymbol();
  }

  /**
   * The parameter for help text: {@code count=3 readings}, {@code rate=? KB/s (required)},
   * {@code link=orphan|fin|rst}, {@code mid_line=false|true}: the default comes first.
   */
  public String summary() {
    if (type == Type.NUMBER) {
      return name + "=" + (required() ? "? " + unit.asciiSymbol() + " (required)" : defaultValue + " " + unit.asciiSymbol());
    }
    StringBuilder s = new StringBuilder(name).append('=').append(defaultValue);
    for (String c : choices) {
      if (!c.equals(defaultValue)) {
        s.append('|').append(c);
      }
    }
    return s.toString();
  }
}
