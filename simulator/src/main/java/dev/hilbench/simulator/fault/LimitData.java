package dev.hilbench.simulator.fault;

import java.util.SplittableRandom;

/**
 * {@code limit_data} (bytes), as Toxiproxy's: the connection is closed (FIN) once this many bytes
 * went through, wherever that falls: usually in the middle of a line.
 */
record LimitData(long bytes) implements LinkFault {
  @Override
  public void apply(LinkPlan plan, SplittableRandom random) {
    plan.limitBytes = bytes;
  }
}
