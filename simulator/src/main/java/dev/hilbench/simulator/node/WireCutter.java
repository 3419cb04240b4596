package dev.hilbench.simulator.node;

import dev.hilbench.simulator.fault.LinkPlan;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Applies a connection's latency, bandwidth and slicer to one write: the pieces it becomes and
 * when each may go out. Pieces never overtake each other: each is released no earlier than the
 * one before, and with a bandwidth limit no earlier than the bytes before it could have passed.
 */
final class WireCutter {

  private WireCutter() {}

  /** Receives the pieces of a write. */
  interface Out {
    void piece(byte[] bytes, long releaseAtNanos);
  }

  /**
   * Cuts {@code bytes} into pieces for {@code out} and returns the release time of the last
   * piece, which the next write must not precede.
   */
  static long cut(byte[] bytes, LinkPlan plan, SplittableRandom random, long nowNanos, long notBeforeNanos, Out out) {
    long t = nowNanos;
    if (plan.latencyMillis() > 0 || plan.latencyJitterMillis() > 0) {
      long j = plan.latencyJitterMillis() == 0 ? 0 : random.nextLong(-plan.latencyJitterMillis(), plan.latencyJitterMillis() + 1);
      t += Math.max(0, plan.latencyMillis() + j) * 1_000_000L;
    }
    t = Math.max(t, notBeforeNanos);
    if (!plan.sliced() || bytes.length <= 1) {
      t += transmitNanos(bytes.length, plan);
      out.piece(bytes, t);
      return t;
    }
    int at = 0;
    boolean first = true;
    while (at < bytes.length) {
      int v = plan.sliceVariation();
      int size = plan.sliceAverage() + (v == 0 ? 0 : random.nextInt(-v, v + 1));
      size = Math.max(1, Math.min(size, bytes.length - at));
      if (!first) {
        t += plan.sliceDelayMicros() * 1000L;
      }
      // A piece is released once its last byte has passed the bandwidth limit.
      t += transmitNanos(size, plan);
      out.piece(Arrays.copyOfRange(bytes, at, at + size), t);
      at += size;
      first = false;
    }
    return t;
  }

  /** How long {@code n} bytes take at the plan's bandwidth (rate KB/s, 1 KB = 1000 bytes); 0 without a limit. */
  private static long transmitNanos(int n, LinkPlan plan) {
    long rate = plan.bandwidthKilobytesPerSecond();
    return rate == 0 ? 0 : n * 1_000_000L / rate;
  }
}
