package dev.hilbench.simulator.proxy;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A toxic added to a {@link Proxy}: what {@link Proxy#addToxic} returns and
 * {@link Proxy#removeToxic} takes. Plain data; the proxy builds one instance per link from it.
 *
 * @param id        unique in its proxy, in the order toxics were added (it also seeds the toxic)
 * @param type      which toxic
 * @param stream    the direction it acts on
 * @param toxicity  the probability that it applies to a link, decided once per link
 * @param params    every parameter, defaults filled in
 */
public record ToxicHandle(int id, ToxicType type, Direction stream, double toxicity, Map<String, Long> params) {

  public ToxicHandle {
    if (!(toxicity >= 0 && toxicity <= 1)) {
      throw new IllegalArgumentException("toxic " + type.toxicName() + ": toxicity must be between 0 and 1, got " + toxicity);
    }
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /** {@code #2 slicer upstream toxicity=1 average_size=3,size_variation=1,delay=1000}. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("#").append(id).append(' ').append(type.toxicName()).append(' ')
        .append(stream.label()).append(" toxicity=").append(BigDecimal.valueOf(toxicity).stripTrailingZeros().toPlainString());
    String sep = " ";
    for (Map.Entry<String, Long> e : params.entrySet()) {
      s.append(sep).append(e.getKey()).append('=').append(e.getValue());
      sep = ",";
    }
    return s.toString();
  }
}
