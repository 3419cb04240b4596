package dev.hilbench.simulator.fault;

import java.util.SplittableRandom;

/**
 * {@code slow_connect} (delay, jitter): this connection attempt takes {@code delay ± jitter}
 * longer (slow DHCP or association). Longer than the connect timeout, the attempt fails.
 */
record SlowConnect(long delayMillis, long jitterMillis) implements LinkFault {
  @Override
  public void apply(LinkPlan plan, SplittableRandom random) {
    long j = jitterMillis == 0 ? 0 : random.nextLong(-jitterMillis, jitterMillis + 1);
    plan.connectDelayMillis = Math.max(0, delayMillis + j);
  }
}
