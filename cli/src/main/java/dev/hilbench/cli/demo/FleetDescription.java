package dev.hilbench.cli.demo;

import dev.hilbench.simulator.Durations;
import dev.hilbench.simulator.NodeProfile;
import dev.hilbench.simulator.fault.FaultSpec;
import dev.hilbench.simulator.policy.PolicyKind;
import java.util.stream.Collectors;

/** One line in words for a group of nodes: what they are and what befalls them. */
final class FleetDescription {

  private FleetDescription() {}

  static String of(NodeProfile p) {
    String what = switch (p.delivery()) {
      case CLASSROOM -> "send and forget";
      case BUFFERED -> "buffer " + p.buffer() + " unsent";
      case ACKNOWLEDGED -> "keep " + p.buffer() + " until #ack";
    };
    String retry = p.reconnect().kind() == PolicyKind.FIXED
        ? "retry every " + Durations.format(p.reconnect().base())
        : p.reconnect().kind() + " backoff " + Durations.format(p.reconnect().base()) + ".." + Durations.format(p.reconnect().cap());
    String hello = p.hello() ? "" : ", no hello (known by IP)";
    String faults = p.faults().specs().isEmpty() ? "no faults"
        : p.faults().specs().stream().map(FleetDescription::fault).collect(Collectors.joining(", "));
    return what + ", " + retry + hello + "; " + faults;
  }

  private static String fault(FaultSpec f) {
    return f.name() + " " + (f.probability() >= 1 ? "always" : Math.round(f.probability() * 1000) / 10.0 + "%");
  }
}
