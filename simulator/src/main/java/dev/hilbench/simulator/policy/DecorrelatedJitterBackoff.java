package dev.hilbench.simulator.policy;

import java.util.SplittableRandom;

/**
 * "Decorrelated jitter": {@code min(cap, uniform(base, previous * 3))}. Each delay grows from the
 * last one rather than from the attempt number, so nodes spread out even when they failed in step.
 */
public record DecorrelatedJitterBackoff(BackoffSettings settings) implements ReconnectPolicy {

  /** The growth factor of the published formula. */
  public static final int GROWTH = 3;

  @Override
  public long nextDelay(int attempt, long previousDelay, SplittableRandom random) {
    long base = settings.baseMillis();
    long upper = Math.max(base, Math.min(settings.capMillis(), Math.max(previousDelay, base) * GROWTH));
    long d = upper == base ? base : base + random.nextLong(upper - base + 1);
    return Math.min(settings.capMillis(), d);
  }
}
