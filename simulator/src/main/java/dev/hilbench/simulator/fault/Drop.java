package dev.hilbench.simulator.fault;

import java.util.SplittableRandom;

/** {@code drop}: the reading is generated (it takes a seq) but never sent. */
final class Drop implements DeviceFault {
  @Override
  public void apply(CycleOutcome cycle, SplittableRandom random) {
    cycle.dropped = true;
  }
}
