package dev.hilbench.simulator.policy;

import java.util.SplittableRandom;

/** Always the base delay: the classroom sketch's {@code delay(2000)} after a failed connect. */
public record FixedDelay(BackoffSettings settings) implements ReconnectPolicy {
  @Override
  public long nextDelay(int attempt, long previousDelay, SplittableRandom random) {
    return settings.baseMillis();
  }
}
