package dev.hilbench.simulator.fault;

import java.util.SplittableRandom;

/**
 * {@code reset_peer} (timeout ms, mid_line), as Toxiproxy's: the connection is reset (RST) after
 * {@code timeout}. With {@code mid_line}, the node waits for its next line and resets halfway
 * through it, so the server is left with a truncated line.
 */
record ResetPeer(long timeoutMillis, boolean midLine) implements LinkFault {
  @Override
  public void apply(LinkPlan plan, SplittableRandom random) {
    plan.resetAfterMillis = timeoutMillis;
    plan.resetMidLine = midLine;
  }
}
