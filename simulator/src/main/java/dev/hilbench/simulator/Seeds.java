package dev.hilbench.simulator;

/**
 * Derives independent seeds from the fleet seed, so each node, and each boot and cycle of a node,
 * draws from its own stream whatever the other nodes do.
 */
public final class Seeds {

  private Seeds() {}

  /** The finalizer of MurmurHash3 (as in SplittableRandom): nearby inputs give unrelated outputs. */
  public static long mix64(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }

  public static long derive(long seed, long a) {
    return mix64(seed ^ mix64(a + 0x9E3779B97F4A7C15L));
  }

  public static long derive(long seed, long a, long b) {
    return derive(derive(seed, a), b);
  }
}
