package dev.hilbench.simulator.fault;

import java.util.SplittableRandom;

/**
 * {@code timeout} (timeout ms), as Toxiproxy's: nothing gets through; after {@code timeout} the
 * connection is closed, and with 0 it stays open and silent: half-open, as when Wi-Fi drops.
 */
record Timeout(long timeoutMillis) implements LinkFault {
  @Override
  public void apply(LinkPlan plan, SplittableRandom random) {
    plan.blackhole = true;
    plan.blackholeCloseMillis = timeoutMillis;
  }
}
