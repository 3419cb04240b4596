package dev.hilbench.simulator.policy;

import java.util.SplittableRandom;

/**
 * {@code min(cap, base * multiplier^(attempt-1))}. Without jitter, nodes that lost the server
 * together retry together: the thundering herd the jittered policies exist to break up.
 */
public record ExponentialBackoff(BackoffSettings settings) implements ReconnectPolicy {
  @Override
  public long nextDelay(int attempt, long previousDelay, SplittableRandom random) {
    return ReconnectPolicy.exponential(settings, attempt);
  }
}
