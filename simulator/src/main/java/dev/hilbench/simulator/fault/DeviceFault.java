package dev.hilbench.simulator.fault;

import java.util.SplittableRandom;

/**
 * A fault of the node itself, considered once per reading cycle. Like a Toxiproxy toxic it only
 * says what happens when it fires; whether it fires (its probability) is decided in one place,
 * {@link FaultSet#rollCycle}.
 */
@FunctionalInterface
public interface DeviceFault {
  /** This fault fired on this cycle: mark its effect on the outcome. */
  void apply(CycleOutcome cycle, SplittableRandom random);
}
