package dev.hilbench.simulator.proxy;

import dev.hilbench.protocol.fault.FaultKind;
import dev.hilbench.protocol.fault.FaultSpec;
import dev.hilbench.protocol.fault.FaultVocabulary;
import java.io.IOException;
import java.util.List;

/**
 * A fault spec put on a proxy, as the command line and the console take it: a toxic for its
 * links, or {@code down}, the proxy's own state.
 */
final class ProxyFault {

  private ProxyFault() {}

  /**
   * Whether the proxy can apply {@code spec}; an {@link IllegalArgumentException} says why not (a
   * device fault; down with a probability).
   *
   * @return true for down, false for a toxic
   */
  static boolean check(FaultSpec spec) {
    if (!spec.name().equals(ToxicType.DOWN)) {
      ToxicType.of(spec);
      return false;
    }
    if (spec.probability() != 1) {
      throw new IllegalArgumentException("fault '" + spec + "': down is the proxy's state, all or nothing; write down");
    }
    return true;
  }

  /** Applies {@code spec} and says what it did; an {@link IllegalArgumentException} says why not. */
  static String apply(Proxy proxy, FaultSpec spec) throws IOException {
    if (check(spec)) {
      proxy.setDown(true);
      return "down: not listening, links closed";
    }
    return "added " + proxy.addToxic(spec);
  }

  /** The help of every network fault, from the vocabulary. */
  static List<String> help() {
    return FaultVocabulary.helpLines(FaultKind.NETWORK);
  }
}
