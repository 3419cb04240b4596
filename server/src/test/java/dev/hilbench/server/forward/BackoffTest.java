package dev.hilbench.server.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTest {

  private static final long SEED = 7_2025L;

  @ParameterizedTest(name = "attempt {0}: ceiling {1} ms")
  @CsvSource({"0, 500", "1, 1000", "2, 2000", "3, 4000", "5, 16000", "6, 30000", "7, 30000", "61, 30000",
      "62, 30000", "1000, 30000"})
  void theCeilingDoublesUpToTheCap(int attempt, long ceiling) {
    assertEquals(ceiling, new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), SEED).ceilingMillis(attempt));
  }

  @Test
  void aHugeCapDoesNotOverflow() {
    Backoff b = new Backoff(Duration.ofMillis(3), Duration.ofMillis(Long.MAX_VALUE / 2), SEED);
    long previous = 0;
    for (int attempt = 0; attempt < 80; attempt++) {
      long c = b.ceilingMillis(attempt);
      assertTrue(c >= previous && c > 0, "attempt " + attempt + ": " + c);
      previous = c;
    }
  }

  @Test
  void delaysAreFullJitterWithinTheCeiling() {
    Backoff b = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), SEED);
    for (int attempt = 0; attempt < 10; attempt++) {
      long ceiling = b.ceilingMillis(attempt);
      long sum = 0;
      int n = 2_000;
      long min = Long.MAX_VALUE, max = 0;
      for (int i = 0; i < n; i++) {
        long d = b.delay(attempt).toMillis();
        assertTrue(d >= 0 && d <= ceiling, "seed " + SEED + ", attempt " + attempt + ": " + d + " ms");
        sum += d;
        min = Math.min(min, d);
        max = Math.max(max, d);
      }
      double mean = (double) sum / n;
      // Uniform on [0, ceiling]: mean ceiling/2, and the whole range is used (that is the "full").
      assertTrue(Math.abs(mean - ceiling / 2.0) < ceiling * 0.05, "seed " + SEED + ", attempt " + attempt + ": mean " + mean);
      assertTrue(min < ceiling * 0.05 && max > ceiling * 0.95, "seed " + SEED + ": range " + min + ".." + max);
    }
  }

  @Test
  void theSameSeedGivesTheSameDelays() {
    assertEquals(delays(SEED), delays(SEED));
    assertNotEquals(delays(SEED), delays(SEED + 1));
  }

  private static List<Duration> delays(long seed) {
    Backoff b = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), seed);
    List<Duration> d = new ArrayList<>();
    for (int attempt = 0; attempt < 20; attempt++) {
      d.add(b.delay(attempt));
    }
    return d;
  }
}
