package dev.hilbench.simulator.proxy;

import java.util.SplittableRandom;

/**
 * {@code latency} (latency ms, jitter ms), as Toxiproxy's: every chunk is passed on
 * {@code latency ± jitter} ms after it reached the proxy. Chunks keep their order, so with
 * jitter a chunk may wait for the one before it.
 */
final class LatencyToxic implements Toxic {

  private final long latencyNanos;
  private final long jitterNanos;
  private final SplittableRandom random;

  LatencyToxic(long latencyMillis, long jitterMillis, SplittableRandom random) {
    this.latencyNanos = latencyMillis * 1_000_000L;
    this.jitterNanos = jitterMillis * 1_000_000L;
    this.random = random;
  }

  @Override
  public void pipe(Stub stub) {
    for (Chunk c; (c = stub.take()) != null; ) {
      stub.sleepUntil(c.arrivedNanos() + delayNanos());
      stub.write(c);
    }
  }

  private long delayNanos() {
    long jitter = jitterNanos == 0 ? 0 : random.nextLong(-jitterNanos, jitterNanos + 1);
    return Math.max(0, latencyNanos + jitter);
  }
}
