package dev.hilbench.protocol.fault;

/**
 * The unit of a numeric fault parameter. A value is written as a plain whole number in its
 * parameter's unit; a duration may instead carry one of the suffixes {@code us}, {@code ms} or
 * {@code s}, as long as the result is a whole number in the parameter's unit.
 */
public enum Unit {
  MILLISECONDS("ms", 1_000_000L),
  /** Toxiproxy's unit for the slicer's delay. */
  MICROSECONDS("µs", 1_000L),
  BYTES("bytes", 0),
  READINGS("readings", 0),
  /** Toxiproxy's bandwidth rate: 1 KB = 1000 bytes. */
  KILOBYTES_PER_SECOND("KB/s", 0);

  private final String symbol;
  private final long nanos;

  Unit(String symbol, long nanos) {
    this.symbol = symbol;
    this.nanos = nanos;
  }

  /** As the docs write it: {@code ms}, {@code µs}, {@code bytes}, {@code KB/s}. */
  public String symbol() {
    return symbol;
  }

  /** As a terminal or the serial console writes it (and a value may end in): {@code us} for µs. */
  public String asciiSymbol() {
    return this == MICROSECONDS ? "us" : symbol;
  }

  /** Whether a value may carry a duration suffix. */
  public boolean isDuration() {
    return nanos > 0;
  }

  /** Nanoseconds in one unit; 0 for a unit that is not a duration. */
  long nanos() {
    return nanos;
  }
}
