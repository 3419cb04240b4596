package dev.hilbench.simulator.fault;

import java.util.SplittableRandom;

/** {@code reboot} (link): the node restarts after this cycle: seq from 0, a new boot id. */
record Reboot(RebootLink link) implements DeviceFault {
  @Override
  public void apply(CycleOutcome cycle, SplittableRandom random) {
    cycle.reboot = link;
  }
}
