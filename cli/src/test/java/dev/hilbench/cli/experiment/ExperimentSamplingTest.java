package dev.hilbench.cli.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hilbench.cli.experiment.ChartSeries.Point;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Counters sampled each second become per-interval data, and the data the charts' lines. */
class ExperimentSamplingTest {

  private static final long S = 1_000_000_000L;

  @Test
  void intervalsAreMeasuredFromTheReopenAndAcceptsStartOverWithEachInstance() {
    long reopen = 10 * S + S / 2;
    List<Counters> taken = List.of(
        new Counters(8 * S, 1, 500, 100, 0, 20, 0),        // the first instance, as the receiver goes down
        new Counters(9 * S, 0, 0, 120, 20, 0, 0),          // down: 20 attempts refused
        new Counters(10 * S, 0, 0, 140, 40, 0, 0),
        new Counters(11 * S, 2, 15, 160, 45, 15, 15),      // the restarted instance counts from zero
        new Counters(11 * S + S / 4, 2, 20, 165, 45, 20, 20));
    List<SecondSample> s = Sampler.intervals(taken, reopen);
    assertEquals(4, s.size());
    assertEquals(new SecondSample(-1.5, 1, 0, 20, 20, 0, 0), s.get(0), "instance 1 -> down: nothing accepted");
    assertEquals(new SecondSample(0.5, 1, 15, 20, 5, 15, 15), s.get(2), "down -> instance 2: its 15 accepts");
    assertEquals(new SecondSample(0.75, 0.25, 5, 5, 0, 20, 20), s.get(3), "the last, short interval");
  }

  @Test
  void samplesTakenInTheSameNanosecondMakeNoInterval() {
    List<Counters> taken = List.of(new Counters(S, 2, 1, 1, 0, 1, 1), new Counters(S, 2, 1, 1, 0, 1, 1));
    assertEquals(List.of(), Sampler.intervals(taken, 0));
  }

  @Test
  void nodesBackIsAStepLineFromTheOutageToTheEndOfTheRun() {
    assertEquals(List.of(new Point(-5, 0), new Point(0, 0), new Point(0.2, 1), new Point(0.4, 3), new Point(1.5, 4)),
        ChartSeries.nodesBack(ExperimentResults.fixed()), "two nodes back in the same millisecond make one step");
    assertEquals(List.of(new Point(-5, 0), new Point(0, 0), new Point(1.8, 1)),
        ChartSeries.nodesBack(ExperimentResults.unfinished()).subList(0, 3));
  }

  @Test
  void ratesHaveAStepPerIntervalAndTheLastStepItsWidth() {
    List<Point> accepts = ChartSeries.acceptRate(ExperimentResults.fixed());
    assertEquals(List.of(new Point(-5, 0), new Point(-4, 0), new Point(0, 3), new Point(1, 30), new Point(1.5, 30)), accepts);
    assertEquals(new Point(1, 31), ChartSeries.attemptRate(ExperimentResults.fixed()).get(3));
  }
}
