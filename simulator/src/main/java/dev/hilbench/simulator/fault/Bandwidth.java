package dev.hilbench.simulator.fault;

import java.util.SplittableRandom;

/**
 * {@code bandwidth} (rate, KB/s), as Toxiproxy's: the node's bytes leave no faster than
 * {@code rate} (1 KB = 1000 bytes), so N bytes take at least N / rate on the wire.
 */
record Bandwidth(long rateKilobytesPerSecond) implements LinkFault {
  @Override
  public void apply(LinkPlan plan, SplittableRandom random) {
    plan.bandwidthKilobytesPerSecond = rateKilobytesPerSecond;
  }
}
