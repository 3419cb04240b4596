package dev.hilbench.simulator.fault;

import java.util.Map;

/**
 * A fault of the shared vocabulary, as the simulator takes it: a name, its probability and its
 * parameters. A thin form of {@link dev.hilbench.protocol.fault.FaultSpec}, which parses and
 * checks it: constructing one checks the name and parameters and puts them in canonical form
 * (defaults filled in, numbers in the vocabulary's unit), so {@code new FaultSpec("silence", 1,
 * Map.of("duration", "5s"))} equals {@code FaultSpec.parse("silence,duration=5000")}. Whether the
 * simulator can apply the fault is {@link FaultCatalog}'s to say.
 *
 * @param name        a name of the fault vocabulary ({@code drop}, {@code slicer}, ...)
 * @param probability per reading cycle for device faults, per connection for network faults
 * @param params      every parameter, as canonical text
 * @throws dev.hilbench.protocol.fault.FaultSpecException (an {@link IllegalArgumentException})
 *     naming what is wrong
 */
public record FaultSpec(String name, double probability, Map<String, String> params) {

  public FaultSpec {
    dev.hilbench.protocol.fault.FaultSpec canonical = new dev.hilbench.protocol.fault.FaultSpec(name, probability, params);
    name = canonical.name();
    probability = canonical.probability();
    params = canonical.params();
  }

  /**
   * Parses the shared text form {@code NAME[=PROBABILITY][,KEY=VALUE...]}, e.g. {@code drop=0.05},
   * {@code coalesce,count=3} or {@code silence=0.01,duration=5s}.
   */
  public static FaultSpec parse(String text) {
    return of(dev.hilbench.protocol.fault.FaultSpec.parse(text));
  }

  public static FaultSpec of(dev.hilbench.protocol.fault.FaultSpec spec) {
    return new FaultSpec(spec.name(), spec.probability(), spec.params());
  }

  /** The same spec as the protocol module's type, with typed values. */
  public dev.hilbench.protocol.fault.FaultSpec vocabularySpec() {
    return new dev.hilbench.protocol.fault.FaultSpec(name, probability, params);
  }

  /** The canonical text, which every parser takes: {@code coalesce=1,count=3}. */
  @Override
  public String toString() {
    return vocabularySpec().toString();
  }
}
