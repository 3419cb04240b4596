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
        : "faults " + p.faults().specs().stream().map(FleetDescription::fault).collect(Collectors.joining(" "));
    return what + ", " + retry + hello + "; " + faults;
  }

  /** As {@code --fault} and scenario files take it, without what is the default: {@code slicer=0.5,average_size=5}. */
  private static String fault(FaultSpec f) {
    return f.vocabularySpec().shortText();
  }
}
