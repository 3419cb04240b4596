package dev.hilbench.cli.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.OptionalLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Percentiles of back times over the whole fleet, nodes that never came back included. */
class ExperimentBackTimesTest {

  /** 100 nodes back at 1, 2, ..., 100 ms (recorded in reverse, order must not matter). */
  private static final long[] ONE_TO_HUNDRED = LongStream.rangeClosed(1, 100).map(i -> 101 - i).toArray();

  @ParameterizedTest(name = "{0} % of 100 nodes back by {1} ms")
  @CsvSource({"50, 50", "95, 95", "100, 100", "1, 1", "0.5, 1", "99.5, 100", "33.3, 34"})
  void everyNodeBackGivesTheRankedTime(double percent, long expected) {
    assertEquals(OptionalLong.of(expected), new BackTimes(100, ONE_TO_HUNDRED).percentile(percent));
  }

  @Test
  void nodesThatNeverCameBackCountAsTheSlowest() {
    BackTimes half = new BackTimes(200, ONE_TO_HUNDRED);
    assertEquals(100, half.back());
    assertEquals(OptionalLong.of(50), half.percentile(25), "the 50th of 200 nodes");
    assertEquals(OptionalLong.of(100), half.percentile(50), "the 100th of 200 nodes is the last one back");
    assertEquals(OptionalLong.empty(), half.percentile(50.5), "the 101st never came back");
    assertEquals(OptionalLong.empty(), half.percentile(95));
    assertEquals(OptionalLong.empty(), half.percentile(100));
  }

  @Test
  void noNodeBackHasNoPercentileAtAll() {
    BackTimes none = new BackTimes(3, new long[0]);
    assertEquals(OptionalLong.empty(), none.percentile(1));
    assertEquals(0, none.back());
  }

  @Test
  void timesAboveTwoSecondsKeepThreeSignificantDigits() {
    BackTimes t = new BackTimes(2, new long[] {12_345, 61_234});
    assertEquals(12_345, t.percentile(50).getAsLong(), 12_345 / 1000.0);
    assertEquals(61_234, t.percentile(100).getAsLong(), 61_234 / 1000.0);
  }

  @Test
  void badInputIsRefusedWithWhatWasWrong() {
    assertEquals("3 back times for 2 nodes",
        assertThrows(IllegalArgumentException.class, () -> new BackTimes(2, new long[] {1, 2, 3})).getMessage());
    assertThrows(IllegalArgumentException.class, () -> new BackTimes(0, new long[0]));
    BackTimes t = new BackTimes(1, new long[] {5});
    assertThrows(IllegalArgumentException.class, () -> t.percentile(0));
    assertThrows(IllegalArgumentException.class, () -> t.percentile(100.1));
    assertThrows(IllegalArgumentException.class, () -> t.percentile(Double.NaN));
  }
}
