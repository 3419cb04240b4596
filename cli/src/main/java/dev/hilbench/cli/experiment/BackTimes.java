package dev.hilbench.cli.experiment;

import java.util.OptionalLong;
import org.HdrHistogram.Histogram;

/**
 * How long the nodes took to come back, as percentiles over the whole fleet: a node that never
 * came back counts as slower than every node that did, so "95 % back" is only reached when 95 % of
 * all nodes, not of those that returned, were back.
 */
public final class BackTimes {

  /**
   * Three significant digits: exact below 2,048 ms, within 0.1 % above, where a percentile is the
   * highest value of its bucket (by then that share of the nodes was certainly back).
   */
  private static final int DIGITS = 3;

  private final Histogram histogram = new Histogram(DIGITS);
  private final int nodes;

  /**
   * @param nodes          every node of the fleet, back or not
   * @param backMillis     the back times of the nodes that came back (ms after the port reopened)
   */
  public BackTimes(int nodes, long[] backMillis) {
    if (nodes < 1 || backMillis.length > nodes) {
      throw new IllegalArgumentException(backMillis.length + " back times for " + nodes + " nodes");
    }
    this.nodes = nodes;
    for (long ms : backMillis) {
      histogram.recordValue(ms);
    }
  }

  public static BackTimes of(PolicyResult r) {
    return new BackTimes(r.nodes().size(), r.nodes().stream().filter(NodeOutcome::back)
        .mapToLong(NodeOutcome::backMillis).toArray());
  }

  /** Nodes that came back. */
  public long back() {
    return histogram.getTotalCount();
  }

  /**
   * The time by which {@code percent} % of all nodes were back, in ms; empty if fewer than that
   * came back at all.
   */
  public OptionalLong percentile(double percent) {
    if (!(percent > 0 && percent <= 100)) {
      throw new IllegalArgumentException("a percentile is above 0 and at most 100, got " + percent);
    }
    long rank = (long) Math.ceil(percent / 100 * nodes - 1e-9); // the rank-th fastest node, of all nodes
    long back = back();
    if (rank > back) {
      return OptionalLong.empty();
    }
    // The same rank among the nodes that came back, as a percentile HdrHistogram rounds back to that rank.
    return OptionalLong.of(histogram.getValueAtPercentile(100.0 * Math.max(1, rank) / back));
  }
}
