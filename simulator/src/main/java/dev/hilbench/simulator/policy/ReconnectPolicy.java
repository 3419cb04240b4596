package dev.hilbench.simulator.policy;

import java.util.SplittableRandom;

/**
 * How long a node waits before its next connection attempt.
 *
 * <p>A pure function of the attempt number, the previous delay and the node's random stream, so
 * that a schedule can be computed and checked without sleeping. Formulas follow the AWS
 * Architecture Blog's "Exponential Backoff And Jitter".
 */
@FunctionalInterface
public interface ReconnectPolicy {

  /**
   * @param attempt       1 for the first retry after a failure, then 2, 3, ...
   * @param previousDelay the delay this method returned last time, or the base before the first
   * @param random        the node's own stream (only jittered policies draw from it)
   * @return the delay in milliseconds, at least 0
   */
  long nextDelay(int attempt, long previousDelay, SplittableRandom random);

  /** {@code min(cap, base * multiplier^(attempt-1))} without overflowing. */
  static long exponential(BackoffSettings s, int attempt) {
    double d = s.baseMillis() * Math.pow(s.multiplier(), Math.max(0, attempt - 1));
    return d >= s.capMillis() ? s.capMillis() : (long) d;
  }
}
