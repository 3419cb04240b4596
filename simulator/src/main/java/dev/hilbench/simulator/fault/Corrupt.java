package dev.hilbench.simulator.fault;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * {@code corrupt}: the line goes out mangled in one of the ways a buggy sketch or a noisy UART
 * mangles it. Every variant is malformed for the codec (a test decodes each one), so the server
 * must count it and store nothing.
 */
final class Corrupt implements DeviceFault {

  @Override
  public void apply(CycleOutcome cycle, SplittableRandom random) {
    cycle.mangle("corrupt", variant(cycle.line(), random.nextInt(VARIANTS)).getBytes(StandardCharsets.US_ASCII));
  }

  static final int VARIANTS = 5;

  /** A humidity past 100 %: a sensor glitch that still looks like a number. */
  private static String humidityAbove100(String h) {
    try {
      return String.format(java.util.Locale.ROOT, "%.1f", Math.abs(Double.parseDouble(h)) + 101);
    } catch (NumberFormatException e) {
      return "180.0";
    }
  }

  /** Variant {@code v} of the mangled {@code seq,millis,temperature,humidity} line. */
  static String variant(String line, int v) {
    String[] f = line.split(",", -1);
    return switch (v) {
      case 0 -> f[0] + "," + f[1] + f[2] + "," + f[3];          // a lost comma: field_count
      case 1 -> f[0] + "," + f[1] + ",x" + f[2] + "," + f[3];   // a stray letter: bad_temperature
      case 2 -> f[0] + "," + f[1] + "," + f[2] + "," + humidityAbove100(f[3]); // humidity_range
      case 3 -> f[0] + "," + f[1] + "," + f[2] + ",";           // cut short: bad_humidity
      default -> f[0] + "," + f[1] + ",nan,nan";                 // a failed read printed anyway
    };
  }
}
