package dev.hilbench.simulator.fault;

import java.util.SplittableRandom;

/** {@code latency} (latency, jitter; ms): every write on the connection is held back this long. */
record Latency(long latencyMillis, long jitterMillis) implements LinkFault {
  @Override
  public void apply(LinkPlan plan, SplittableRandom random) {
    plan.latencyMillis = latencyMillis;
    plan.latencyJitterMillis = jitterMillis;
  }
}
