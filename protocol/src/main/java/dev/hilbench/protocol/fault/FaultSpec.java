package dev.hilbench.protocol.fault;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fault of the vocabulary with its probability and every parameter, in canonical form: the
 * defaults filled in, numbers as plain whole numbers in their unit, in the vocabulary's order.
 * Two specs that mean the same are equal, and {@link #toString()} writes one back as text that
 * every parser takes ({@code slicer=0.5,average_size=4,size_variation=2,delay=2000,stream=upstream}).
 *
 * <p>Written {@code NAME[=PROBABILITY][,KEY=VALUE...]}: see {@link #parse}. Whatever way a spec
 * comes in (text, parts from the Java API or a scenario file), it goes through the same checks.
 *
 * @param name        a name of {@link FaultVocabulary}
 * @param probability 0..1 (at most 6 decimals): per reading cycle for device faults, per
 *                    connection for network faults (Toxiproxy's toxicity)
 * @param params      every parameter of the fault, as canonical text
 */
public record FaultSpec(String name, double probability, Map<String, String> params) {

  /**
   * Checks the parts against the vocabulary and puts them in canonical form.
   *
   * @throws FaultSpecException naming what is wrong
   */
  public FaultSpec {
    FaultSpecParser.Resolved r = FaultSpecParser.resolve(name, probability, params == null ? Map.of() : params);
    name = r.fault().name();
    probability = r.probability().doubleValue();
    params = Collections.unmodifiableMap(new LinkedHashMap<>(r.params()));
  }

  /**
   * Parses {@code NAME[=PROBABILITY][,KEY=VALUE...]}: e.g. {@code drop=0.05}, {@code coalesce,count=3},
   * {@code silence,duration=5s}, {@code latency,latency=200,stream=downstream}. No spaces; names,
   * keys and words are lower case. The probability (0..1, at most 6 decimals) defaults to 1.
   * Numbers are whole, in the parameter's unit; a duration may carry {@code us}, {@code ms} or
   * {@code s} instead ({@code delay=2ms} for the slicer's µs).
   *
   * @throws FaultSpecException naming the spec text and what is wrong, with a {@link FaultError} code
   */
  public static FaultSpec parse(String text) {
    if (text == null) {
      throw new FaultSpecException(FaultError.EMPTY, "", "an empty fault spec (write " + FaultSpecParser.FORM + ")");
    }
    FaultSpecParser.Resolved r = FaultSpecParser.parse(text);
    return new FaultSpec(r.fault().name(), r.probability().doubleValue(), r.params());
  }

  /**
   * A spec from parts, e.g. {@code FaultSpec.of("slicer", 0.5, Map.of("average_size", 3, "delay", "2ms"))}:
   * values may be numbers, booleans or text as a spec writes them.
   */
  public static FaultSpec of(String name, double probability, Map<String, ?> params) {
    FaultSpecParser.Resolved r = FaultSpecParser.resolve(name, probability, params);
    return new FaultSpec(r.fault().name(), r.probability().doubleValue(), r.params());
  }

  public FaultDefinition definition() {
    return FaultVocabulary.find(name).orElseThrow();
  }

  public FaultKind kind() {
    return definition().kind();
  }

  /** A numeric parameter, in its unit. */
  public long number(String param) {
    return Long.parseLong(value(param, FaultParam.Type.NUMBER));
  }

  public boolean flag(String param) {
    return Boolean.parseBoolean(value(param, FaultParam.Type.FLAG));
  }

  /** A parameter that is one of a few words ({@code link}, {@code stream}). */
  public String choice(String param) {
    return value(param, FaultParam.Type.CHOICE);
  }

  private String value(String param, FaultParam.Type type) {
    FaultParam p = definition().param(param)
        .orElseThrow(() -> new IllegalArgumentException(name + " has no parameter " + param));
    if (p.type() != type) {
      throw new IllegalArgumentException(name + "'s " + param + " is a " + p.type().name().toLowerCase() + ", not a " + type.name().toLowerCase());
    }
    return params.get(param);
  }

  /**
   * The shortest text that parses to this spec, for people to read: the probability only if it
   * is not 1, the parameters only where they differ from their default ({@code coalesce=0.1},
   * {@code silence}, {@code slicer=0.5,average_size=5}).
   */
  public String shortText() {
    StringBuilder s = new StringBuilder(name);
    if (probability != 1) {
      s.append('=').append(Probability.format(Probability.of(probability)));
    }
    for (FaultParam p : definition().params()) {
      String v = params.get(p.name());
      if (!v.equals(p.defaultValue())) {
        s.append(',').append(p.name()).append('=').append(v);
      }
    }
    return s.toString();
  }

  /** The canonical text: {@code coalesce=1,count=3}. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(name).append('=').append(Probability.format(Probability.of(probability)));
    params.forEach((k, v) -> s.append(',').append(k).append('=').append(v));
    return s.toString();
  }
}
