package dev.hilbench.simulator.proxy;

import dev.hilbench.simulator.Seeds;
import java.util.SplittableRandom;

/**
 * The one place where a toxic's probability is applied, as in Toxiproxy: once per link, when the
 * toxic meets it. Each toxic on each link draws from its own stream, derived from the proxy's
 * seed, the link's number (its place in accept order) and the toxic's id, so the same seed gives
 * the same decisions (which links, which jitter, which slice sizes) whatever else happens.
 */
final class Toxicity {

  private Toxicity() {}

  static SplittableRandom random(long proxySeed, long linkNumber, int toxicId) {
    return new SplittableRandom(Seeds.derive(proxySeed, linkNumber, toxicId));
  }

  /** This link's instance of the toxic, or a {@link LinkToxic} without one if the roll says no. */
  static LinkToxic meet(ToxicHandle handle, long proxySeed, long linkNumber) {
    SplittableRandom random = random(proxySeed, linkNumber, handle.id());
    boolean applies = random.nextDouble() < handle.toxicity();
    return new LinkToxic(handle, applies ? handle.type().create(handle.spec(), random) : null);
  }
}
