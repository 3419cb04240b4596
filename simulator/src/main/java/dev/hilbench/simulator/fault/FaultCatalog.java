package dev.hilbench.simulator.fault;

import dev.hilbench.protocol.fault.FaultKind;
import dev.hilbench.protocol.fault.FaultVocabulary;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The simulator's implementation of each fault of the shared vocabulary: the one place that
 * turns a {@link FaultSpec} into a working fault. Names, parameters, units and defaults are the
 * vocabulary's ({@link FaultVocabulary}); this class only says how each fault is simulated, and
 * refuses, with a reason, what the simulator does not simulate.
 */
public final class FaultCatalog {

  /** A named fault's implementation: exactly one of the two is set. */
  record Built(DeviceFault device, LinkFault link) {}

  private static final Map<String, Function<dev.hilbench.protocol.fault.FaultSpec, Built>> BUILDERS = Map.ofEntries(
      device("drop", s -> new Drop()),
      device("sensor_fail", s -> new SensorFail()),
      device("coalesce", s -> new Coalesce(Math.toIntExact(s.number("count")))),
      device("corrupt", s -> new Corrupt()),
      device("oversize", s -> new Oversize(Math.toIntExact(s.number("size")))),
      device("binary", s -> new Binary()),
      device("silence", s -> new Silence(s.number("duration"))),
      device("reboot", s -> new Reboot(RebootLink.valueOf(s.choice("link").toUpperCase(Locale.ROOT)))),
      // A device fault in the vocabulary; the simulator applies it when a connection is planned.
      link("slow_connect", s -> new SlowConnect(s.number("delay"), s.number("jitter"))),
      link("latency", s -> new Latency(s.number("latency"), s.number("jitter"))),
      link("bandwidth", s -> new Bandwidth(s.number("rate"))),
      link("slicer", s -> new Slicer(Math.toIntExact(s.number("average_size")), Math.toIntExact(s.number("size_variation")),
          s.number("delay"))),
      link("reset_peer", s -> new ResetPeer(s.number("timeout"), s.flag("mid_line"))),
      link("limit_data", s -> new LimitData(s.number("bytes"))),
      link("timeout", s -> new Timeout(s.number("timeout"))));

  private FaultCatalog() {}

  private static Map.Entry<String, Function<dev.hilbench.protocol.fault.FaultSpec, Built>> device(String name,
      Function<dev.hilbench.protocol.fault.FaultSpec, DeviceFault> f) {
    return Map.entry(name, s -> new Built(f.apply(s), null));
  }

  private static Map.Entry<String, Function<dev.hilbench.protocol.fault.FaultSpec, Built>> link(String name,
      Function<dev.hilbench.protocol.fault.FaultSpec, LinkFault> f) {
    return Map.entry(name, s -> new Built(null, f.apply(s)));
  }

  /** Builds the fault a spec names; an {@link IllegalArgumentException} says why the simulator cannot. */
  static Built build(FaultSpec spec) {
    dev.hilbench.protocol.fault.FaultSpec s = spec.vocabularySpec();
    Function<dev.hilbench.protocol.fault.FaultSpec, Built> builder = BUILDERS.get(s.name());
    if (builder == null) {
      // Only down: the proxy's state, not a fault of one node's link.
      throw new IllegalArgumentException("fault '" + s + "': " + s.name()
          + " is the proxy's (./hilbench proxy, between the nodes and the server); the simulator does not simulate it");
    }
    if (s.kind() == FaultKind.NETWORK && !s.choice(FaultVocabulary.STREAM).equals("upstream")) {
      throw new IllegalArgumentException("fault '" + s + "': the simulator applies network faults to what its nodes send"
          + " (stream=upstream); put ./hilbench proxy between the nodes and the server for stream=downstream");
    }
    return builder.apply(s);
  }

  /** The names the simulator applies, in the vocabulary's order. */
  public static List<String> names() {
    return FaultVocabulary.names().stream().filter(BUILDERS::containsKey).toList();
  }

  /** For {@code --help}: every fault the simulator applies, with its parameters and defaults. */
  public static List<String> help() {
    return FaultVocabulary.helpLines(names());
  }
}
