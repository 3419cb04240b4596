package dev.hilbench.cli.experiment;

import java.util.List;

/**
 * When a run's moments were, and its counters sampled each second from the outage on.
 *
 * @param downNanos           when the receiver began to stop ({@link System#nanoTime()})
 * @param reopenNanos         when its new start returned, listening
 * @param startingEpochMillis when the receiver began to start again: every store event from then
 *                            on is the new instance's
 * @param reopenEpochMillis   when its start returned (the port listens a moment before: the start
 *                            also rebuilds the receiver's state from the store)
 * @param samples             the sampled counters, the baseline (as the receiver went down) first
 * @param recovered           whether every node was back and delivering within the timeout
 */
record Timeline(long downNanos, long reopenNanos, long startingEpochMillis, long reopenEpochMillis,
    List<Counters> samples, boolean recovered) {

  Timeline {
    samples = List.copyOf(samples);
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("a timeline has at least its baseline sample");
    }
  }
}
