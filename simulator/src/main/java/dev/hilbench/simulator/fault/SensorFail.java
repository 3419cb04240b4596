package dev.hilbench.simulator.fault;

import java.util.SplittableRandom;

/**
 * {@code sensor_fail}: the DHT read fails ({@code isnan}); like the classroom sketch, nothing is
 * sent that cycle, but the cycle still takes a seq.
 */
final class SensorFail implements DeviceFault {
  @Override
  public void apply(CycleOutcome cycle, SplittableRandom random) {
    cycle.sensorFailed = true;
  }
}
