package dev.hilbench.simulator.fault;

import java.util.SplittableRandom;

/**
 * A fault of the network path, considered once per connection attempt (Toxiproxy's "toxicity"
 * is per connection too). It only shapes the connection's {@link LinkPlan}; whether it applies
 * to this connection is decided in one place, {@link FaultSet#planLink}.
 */
@FunctionalInterface
public interface LinkFault {
  /** This fault applies to this connection: shape the plan. */
  void apply(LinkPlan plan, SplittableRandom random);
}
