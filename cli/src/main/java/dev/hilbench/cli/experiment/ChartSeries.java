package dev.hilbench.cli.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The points of the charts' lines, drawn as steps (each point's value holds until the next
 * point): times in seconds after the port reopened.
 */
final class ChartSeries {

  /** One point of a step line. */
  record Point(double x, double y) {}

  private ChartSeries() {}

  /**
   * Nodes back over time: none from the outage's start to the reopen, then one more at each
   * node's back time, held to the end of the run.
   */
  static List<Point> nodesBack(PolicyResult r) {
    long[] back = r.nodes().stream().filter(NodeOutcome::back).mapToLong(NodeOutcome::backMillis).sorted().toArray();
    List<Point> points = new ArrayList<>();
    points.add(new Point(-r.outage().toNanos() / 1e9, 0));
    points.add(new Point(0, 0));
    for (int i = 0; i < back.length; i++) {
      // Several nodes back in the same millisecond make one step.
      if (i + 1 < back.length && back[i + 1] == back[i]) {
        continue;
      }
      points.add(new Point(back[i] / 1000.0, i + 1));
    }
    double end = end(r);
    if (end > points.get(points.size() - 1).x()) {
      points.add(new Point(end, back.length));
    }
    return points;
  }

  /** Accepts per second, one step per sampling interval. */
  static List<Point> acceptRate(PolicyResult r) {
    return perInterval(r, SecondSample::acceptRate);
  }

  /** Connection attempts per second, one step per sampling interval. */
  static List<Point> attemptRate(PolicyResult r) {
    return perInterval(r, SecondSample::attemptRate);
  }

  private static List<Point> perInterval(PolicyResult r, ToDoubleFunction<SecondSample> rate) {
    List<Point> points = new ArrayList<>();
    for (SecondSample s : r.seconds()) {
      points.add(new Point(s.startSeconds(), rate.applyAsDouble(s)));
    }
    if (!r.seconds().isEmpty()) {
      SecondSample last = r.seconds().get(r.seconds().size() - 1);
      points.add(new Point(last.endSeconds(), rate.applyAsDouble(last))); // so the last step has its width
    }
    return points;
  }

  /** Where the run's data ends: its last sample, or its last node back. */
  static double end(PolicyResult r) {
    double lastSample = r.seconds().isEmpty() ? 0 : r.seconds().get(r.seconds().size() - 1).endSeconds();
    double lastBack = Arrays.stream(r.nodes().stream().mapToLong(NodeOutcome::backMillis).toArray()).max().orElse(0) / 1000.0;
    return Math.max(lastSample, lastBack);
  }
}
