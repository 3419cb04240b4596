package dev.hilbench.simulator.proxy;

import dev.hilbench.protocol.fault.FaultDefinition;
import dev.hilbench.protocol.fault.FaultKind;
import dev.hilbench.protocol.fault.FaultSpec;
import dev.hilbench.protocol.fault.FaultVocabulary;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The toxics of the proxy: the network faults of the shared vocabulary (Toxiproxy's names and
 * parameters; {@link FaultVocabulary} defines them, with units, defaults and ranges), and how
 * each builds its per-link instance from a checked {@link FaultSpec}.
 */
public enum ToxicType {

  LATENCY("latency") {
    @Override
    Toxic create(FaultSpec s, SplittableRandom random) {
      return new LatencyToxic(s.number("latency"), s.number("jitter"), random);
    }
  },
  BANDWIDTH("bandwidth") {
    @Override
    Toxic create(FaultSpec s, SplittableRandom random) {
      return new BandwidthToxic(s.number("rate"));
    }
  },
  SLICER("slicer") {
    @Override
    Toxic create(FaultSpec s, SplittableRandom random) {
      return new SlicerToxic(Math.toIntExact(s.number("average_size")), Math.toIntExact(s.number("size_variation")),
          s.number("delay"), random);
    }
  },
  TIMEOUT("timeout") {
    @Override
    Toxic create(FaultSpec s, SplittableRandom random) {
      return new TimeoutToxic(s.number("timeout"));
    }
  },
  RESET_PEER("reset_peer") {
    @Override
    Toxic create(FaultSpec s, SplittableRandom random) {
      return new ResetPeerToxic(s.number("timeout"), s.flag("mid_line"));
    }
  },
  LIMIT_DATA("limit_data") {
    @Override
    Toxic create(FaultSpec s, SplittableRandom random) {
      return new LimitDataToxic(s.number("bytes"));
    }
  };

  /** The vocabulary's name of the proxy's own state: not a toxic of a link ({@link Proxy#setDown}). */
  public static final String DOWN = "down";

  private final String toxicName;

  ToxicType(String toxicName) {
    this.toxicName = toxicName;
  }

  /** A new instance for one direction of one link. */
  abstract Toxic create(FaultSpec spec, SplittableRandom random);

  /** The name, as Toxiproxy's: {@code latency}, {@code reset_peer}, ... */
  public String toxicName() {
    return toxicName;
  }

  public FaultDefinition definition() {
    return FaultVocabulary.find(toxicName).orElseThrow();
  }

  /** One line: what the toxic does. */
  public String help() {
    return definition().help();
  }

  /**
   * The toxic named {@code name}. A name of the vocabulary that is not a toxic gets the reason:
   * a device fault is set on the node, {@code down} is the proxy's state.
   */
  public static ToxicType named(String name) {
    for (ToxicType t : values()) {
      if (t.toxicName.equals(name)) {
        return t;
      }
    }
    String known = "toxics: " + String.join(", ", Arrays.stream(values()).map(ToxicType::toxicName).toList());
    if (DOWN.equals(name)) {
      throw new IllegalArgumentException("down is not a toxic of a link but the proxy's state: the console's down and up, "
          + "Proxy.setDown (" + known + ")");
    }
    if (FaultVocabulary.names(FaultKind.DEVICE).contains(name)) {
      throw new IllegalArgumentException(name + " is a device fault: the node applies it (./hilbench simulate --fault, "
          + "or the firmware console's fault command), not the proxy (" + known + ")");
    }
    throw new IllegalArgumentException("unknown toxic '" + name + "' (" + known + ")");
  }

  /** The toxic a spec names ({@link #named}). */
  public static ToxicType of(FaultSpec spec) {
    return named(spec.name());
  }

  /** The toxics' names, in the vocabulary's order. */
  public static List<String> names() {
    return Arrays.stream(values()).map(ToxicType::toxicName).toList();
  }

  @Override
  public String toString() {
    return toxicName.toLowerCase(Locale.ROOT);
  }
}
