package dev.hilbench.server.forward;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * Exponential backoff with full jitter: before retry {@code n} (0 for the first) wait a time drawn
 * uniformly from {@code [0, min(cap, base * 2^n)]}. Full jitter spreads the retries of many
 * receivers hit by the same outage, so they do not come back in lockstep ("Exponential Backoff And
 * Jitter", AWS Architecture Blog, 2015). Seeded: the same seed gives the same waits.
 *
 * <p>Not thread-safe; the forwarder thread owns it.
 */
final class Backoff {

  private final long baseMillis;
  private final long capMillis;
  private final SplittableRandom random;

  Backoff(Duration base, Duration cap, long seed) {
    this.baseMillis = Math.max(1, base.toMillis());
    this.capMillis = Math.max(baseMillis, cap.toMillis());
    this.random = new SplittableRandom(seed);
  }

  /** The longest wait before retry {@code attempt} (0-based): {@code min(cap, base * 2^attempt)}. */
  long ceilingMillis(int attempt) {
    if (attempt < 0) {
      throw new IllegalArgumentException("attempt must be >= 0, got " + attempt);
    }
    // base * 2^attempt overflows long from attempt 63 - log2(base) on; the cap is reached long before.
    if (attempt >= 62 || baseMillis > (capMillis >> Math.min(attempt, 62))) {
      return capMillis;
    }
    return Math.min(capMillis, baseMillis << attempt);
  }

  /** The wait before retry {@code attempt} (0-based), drawn with full jitter. */
  Duration delay(int attempt) {
    return Duration.ofMillis(random.nextLong(ceilingMillis(attempt) + 1));
  }
}
