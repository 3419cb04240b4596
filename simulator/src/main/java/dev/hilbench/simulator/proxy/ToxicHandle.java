package dev.hilbench.simulator.proxy;

import dev.hilbench.protocol.fault.FaultSpec;
import dev.hilbench.protocol.fault.FaultVocabulary;
import java.util.Locale;
import java.util.Objects;

/**
 * A toxic added to a {@link Proxy}: what {@link Proxy#addToxic} returns and
 * {@link Proxy#removeToxic} takes. Plain data; the proxy builds one instance per link from it.
 *
 * @param id   unique in its proxy, in the order toxics were added (it also seeds the toxic)
 * @param spec the toxic in canonical form: its probability is the toxicity, rolled once per link
 */
public record ToxicHandle(int id, FaultSpec spec) {

  public ToxicHandle {
    Objects.requireNonNull(spec, "spec");
    ToxicType.of(spec); // a network fault that is a toxic, or the reason it is not
  }

  public ToxicType type() {
    return ToxicType.of(spec);
  }

  /** The direction it acts on. */
  public Direction stream() {
    return Direction.valueOf(spec.choice(FaultVocabulary.STREAM).toUpperCase(Locale.ROOT));
  }

  /** The probability that it applies to a link. */
  public double toxicity() {
    return spec.probability();
  }

  /** {@code #2 slicer=1,average_size=3,size_variation=1,delay=1000,stream=upstream}: the spec as {@code add} takes it. */
  @Override
  public String toString() {
    return "#" + id + " " + spec;
  }
}
