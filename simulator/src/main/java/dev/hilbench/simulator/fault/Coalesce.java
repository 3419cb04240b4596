package dev.hilbench.simulator.fault;

import java.util.SplittableRandom;

/** {@code coalesce} (count): this reading and the next count-1 go out in one write. */
record Coalesce(int count) implements DeviceFault {
  @Override
  public void apply(CycleOutcome cycle, SplittableRandom random) {
    cycle.coalesce = Math.max(cycle.coalesce, count);
  }
}
