package dev.hilbench.simulator;

import java.time.Duration;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How far a node's reading cycle strays from its interval: a crystal, {@code delay()} and Wi-Fi
 * work make a real sketch's period wobble.
 *
 * @param distribution {@code none}, {@code uniform} (±amount), {@code normal} (σ = amount, cut
 *                     at 3σ) or {@code exponential} (mean amount, always late)
 * @param amount       the spread
 */
public record Jitter(Distribution distribution, Duration amount) {

  public enum Distribution { NONE, UNIFORM, NORMAL, EXPONENTIAL }

  public static final Jitter NONE = new Jitter(Distribution.NONE, Duration.ZERO);

  public Jitter {
    if (amount == null || amount.isNegative()) {
      throw new IllegalArgumentException("jitter amount must be 0 or more, got " + amount);
    }
  }

  /** {@code uniform:200ms}, {@code normal:50ms}, {@code exponential:1s}, {@code none}. */
  public static Jitter parse(String text) {
    String[] p = text.split(":", 2);
    Distribution d;
    try {
      d = Distribution.valueOf(p[0].trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown jitter distribution '" + p[0] + "' (known: none, uniform, normal, exponential)");
    }
    if (d == Distribution.NONE) {
      return NONE;
    }
    if (p.length < 2) {
      throw new IllegalArgumentException("jitter '" + text + "' needs an amount, e.g. " + p[0] + ":200ms");
    }
    return new Jitter(d, Durations.parse(p[1], 1_000_000L));
  }

  /** The offset in ms for one cycle. Draws exactly one number, whatever the distribution. */
  public long draw(SplittableRandom random) {
    double u = random.nextDouble();
    double a = amount.toMillis();
    return switch (distribution) {
      case NONE -> 0;
      case UNIFORM -> Math.round((2 * u - 1) * a);
      case NORMAL -> Math.round(Math.max(-3, Math.min(3, inverseNormal(u))) * a);
      case EXPONENTIAL -> Math.round(-Math.log(1 - u) * a);
    };
  }

  /** Acklam's rational approximation of the standard normal quantile (error below 1e-9). */
  static double inverseNormal(double p) {
    if (p <= 0) {
      return -8;
    }
    if (p >= 1) {
      return 8;
    }
    double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
        -3.066479806614716e+01, 2.506628277459239e+00};
    double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
        -1.328068155288572e+01};
    double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
        4.374664141464968e+00, 2.938163982698783e+00};
    double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
    double low = 0.02425;
    if (p < low) {
      double q = Math.sqrt(-2 * Math.log(p));
      return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    if (p > 1 - low) {
      double q = Math.sqrt(-2 * Math.log(1 - p));
      return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    double q = p - 0.5, r = q * q;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
        / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  }

  @Override
  public String toString() {
    return distribution == Distribution.NONE ? "none" : distribution.name().toLowerCase(Locale.ROOT) + ":" + Durations.format(amount);
  }
}
