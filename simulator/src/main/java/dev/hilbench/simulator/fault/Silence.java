package dev.hilbench.simulator.fault;

import java.util.SplittableRandom;

/**
 * {@code silence} (duration): Wi-Fi is lost after this cycle. The node stops sending and reading,
 * with no FIN: the server holds a half-open connection until its idle timeout.
 */
record Silence(long durationMillis) implements DeviceFault {
  @Override
  public void apply(CycleOutcome cycle, SplittableRandom random) {
    cycle.silenceMillis = Math.max(cycle.silenceMillis, durationMillis);
  }
}
