package dev.hilbench.simulator.policy;

import java.util.SplittableRandom;

/** "Full jitter": uniform in {@code [0, min(cap, base * multiplier^(attempt-1))]}. */
public record FullJitterBackoff(BackoffSettings settings) implements ReconnectPolicy {
  @Override
  public long nextDelay(int attempt, long previousDelay, SplittableRandom random) {
    long ceiling = ReconnectPolicy.exponential(settings, attempt);
    return random.nextLong(ceiling + 1);
  }
}
