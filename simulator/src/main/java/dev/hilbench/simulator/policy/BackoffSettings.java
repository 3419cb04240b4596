package dev.hilbench.simulator.policy;

import java.time.Duration;

/**
 * The knobs of a reconnect policy.
 *
 * @param kind           which formula
 * @param base           the first delay (for {@code fixed}, every delay)
 * @param cap            no delay is longer
 * @param multiplier     growth per attempt of the exponential policies
 * @param resetAfter     a connection that lasted this long resets the attempt count to zero, so a
 *                       node that flaps (connects, is thrown out at once) keeps backing off
 * @param connectTimeout an attempt that has not connected by then counts as failed
 */
public record BackoffSettings(
    PolicyKind kind, Duration base, Duration cap, double multiplier, Duration resetAfter, Duration connectTimeout) {

  /** The classroom sketch: {@code Connection failed}, retry after 2 s, forever. */
  public static final BackoffSettings CLASSROOM = new BackoffSettings(
      PolicyKind.FIXED, Duration.ofSeconds(2), Duration.ofSeconds(2), 1, Duration.ofSeconds(10), Duration.ofSeconds(5));

  public BackoffSettings {
    if (kind == null) {
      throw new IllegalArgumentException("policy kind is required");
    }
    requirePositive("base", base);
    requirePositive("cap", cap);
    requirePositive("connect timeout", connectTimeout);
    if (resetAfter == null || resetAfter.isNegative()) {
      throw new IllegalArgumentException("reset after must be 0 or more, got " + resetAfter);
    }
    if (cap.compareTo(base) < 0) {
      throw new IllegalArgumentException("cap (" + cap.toMillis() + " ms) must not be below base (" + base.toMillis() + " ms)");
    }
    if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
      throw new IllegalArgumentException("multiplier must be a number of at least 1, got " + multiplier);
    }
  }

  private static void requirePositive(String name, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration, got " + d);
    }
  }

  public long baseMillis() {
    return base.toMillis();
  }

  public long capMillis() {
    return cap.toMillis();
  }

  public BackoffSettings withKind(PolicyKind k) {
    return new BackoffSettings(k, base, cap, multiplier, resetAfter, connectTimeout);
  }

  public BackoffSettings withBase(Duration d) {
    return new BackoffSettings(kind, d, cap.compareTo(d) < 0 ? d : cap, multiplier, resetAfter, connectTimeout);
  }

  public BackoffSettings withCap(Duration d) {
    return new BackoffSettings(kind, base, d, multiplier, resetAfter, connectTimeout);
  }

  public BackoffSettings withMultiplier(double m) {
    return new BackoffSettings(kind, base, cap, m, resetAfter, connectTimeout);
  }

  public BackoffSettings withResetAfter(Duration d) {
    return new BackoffSettings(kind, base, cap, multiplier, d, connectTimeout);
  }

  public BackoffSettings withConnectTimeout(Duration d) {
    return new BackoffSettings(kind, base, cap, multiplier, resetAfter, d);
  }

  /** The policy object that computes the delays. */
  public ReconnectPolicy policy() {
    return switch (kind) {
      case FIXED -> new FixedDelay(this);
      case EXPONENTIAL -> new ExponentialBackoff(this);
      case FULL_JITTER -> new FullJitterBackoff(this);
      case DECORRELATED_JITTER -> new DecorrelatedJitterBackoff(this);
    };
  }
}
