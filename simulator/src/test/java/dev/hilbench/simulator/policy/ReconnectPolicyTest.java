package dev.hilbench.simulator.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Each policy's schedule, computed (never slept) and checked against its formula. */
class ReconnectPolicyTest {

  private static final long SEED = 7;

  private static BackoffSettings settings(PolicyKind kind) {
    return new BackoffSettings(kind, Duration.ofSeconds(1), Duration.ofSeconds(30), 2.0, Duration.ofSeconds(10),
        Duration.ofSeconds(5));
  }

  /** The delays of ten failed attempts in a row. */
  private static List<Long> schedule(BackoffSettings s, long seed) {
    Backoff b = new Backoff(s);
    SplittableRandom r = new SplittableRandom(seed);
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      out.add(b.nextDelay(r));
    }
    return out;
  }

  @Test
  void fixedIsAlwaysTheBase() {
    assertEquals(List.of(2000L, 2000L, 2000L, 2000L, 2000L, 2000L, 2000L, 2000L, 2000L, 2000L),
        schedule(BackoffSettings.CLASSROOM, SEED));
  }

  @Test
  void exponentialDoublesUpToTheCap() {
    assertEquals(List.of(1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L, 30000L, 30000L, 30000L),
        schedule(settings(PolicyKind.EXPONENTIAL), SEED));
  }

  @Test
  void exponentialFollowsTheMultiplier() {
    assertEquals(List.of(1000L, 3000L, 9000L, 27000L, 30000L),
        schedule(settings(PolicyKind.EXPONENTIAL).withMultiplier(3), SEED).subList(0, 5));
  }

  @Test
  void fullJitterStaysUnderTheExponentialCeilingAndSpreads() {
    List<Long> s = schedule(settings(PolicyKind.FULL_JITTER), SEED);
    for (int i = 0; i < s.size(); i++) {
      long ceiling = Math.min(30_000, 1000L << i);
      assertTrue(s.get(i) >= 0 && s.get(i) <= ceiling, "attempt " + (i + 1) + ": " + s.get(i) + " > " + ceiling + " (seed " + SEED + ")");
    }
    // Over many nodes, full jitter averages half the ceiling.
    SplittableRandom r = new SplittableRandom(SEED);
    FullJitterBackoff p = new FullJitterBackoff(settings(PolicyKind.FULL_JITTER));
    double mean = 0;
    for (int i = 0; i < 10_000; i++) {
      mean += p.nextDelay(4, 0, r) / 10_000.0;
    }
    assertEquals(4000, mean, 150, "mean delay of attempt 4 (ceiling 8000 ms)");
  }

  @Test
  void decorrelatedJitterGrowsFromThePreviousDelay() {
    BackoffSettings s = settings(PolicyKind.DECORRELATED_JITTER);
    DecorrelatedJitterBackoff p = new DecorrelatedJitterBackoff(s);
    SplittableRandom r = new SplittableRandom(SEED);
    long previous = 1000;
    for (int attempt = 1; attempt <= 50; attempt++) {
      long d = p.nextDelay(attempt, previous, r);
      long upper = Math.min(30_000, previous * 3);
      assertTrue(d >= 1000 && d <= upper, "attempt " + attempt + ": " + d + " outside [1000, " + upper + "] (seed " + SEED + ")");
      previous = d;
    }
  }

  @Test
  void sameSeedSameScheduleOtherSeedOtherSchedule() {
    BackoffSettings s = settings(PolicyKind.DECORRELATED_JITTER);
    assertEquals(schedule(s, 1), schedule(s, 1));
    assertNotEquals(schedule(s, 1), schedule(s, 2));
  }

  @Test
  void aStableConnectionResetsTheCountAFlappingOneDoesNot() {
    Backoff b = new Backoff(settings(PolicyKind.EXPONENTIAL));
    SplittableRandom r = new SplittableRandom(SEED);
    b.nextDelay(r);
    b.nextDelay(r);
    b.connected(0);
    assertTrue(!b.disconnected(9_999), "up 9.999 s of a 10 s reset period is not stable");
    assertEquals(4000, b.nextDelay(r), "the count goes on after a flap");
    b.connected(20_000);
    assertTrue(b.disconnected(30_000), "up 10 s is stable");
    assertEquals(1000, b.nextDelay(r), "the count starts over");
  }

  @Test
  void badSettingsAreRefusedWithTheirName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> settings(PolicyKind.EXPONENTIAL).withCap(Duration.ofMillis(10)));
    assertTrue(e.getMessage().contains("cap"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> settings(PolicyKind.EXPONENTIAL).withMultiplier(0.5));
    assertTrue(e.getMessage().contains("multiplier"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> PolicyKind.parse("linear"));
    assertTrue(e.getMessage().contains("full-jitter"), e.getMessage());
  }

  @Test
  void policyNamesParseInEitherSpelling() {
    assertEquals(PolicyKind.FULL_JITTER, PolicyKind.parse("full_jitter"));
    assertEquals(PolicyKind.DECORRELATED_JITTER, PolicyKind.parse("Decorrelated-Jitter"));
  }
}
