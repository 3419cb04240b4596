package dev.hilbench.simulator.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.protocol.fault.FaultSpec;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The one place where toxicity is rolled: once per link and toxic, from the proxy's seed. */
class ToxicityTest {

  private static ToxicHandle slicer(int id, double toxicity) {
    return new ToxicHandle(id, FaultSpec.of("slicer", toxicity, Map.of()));
  }

  private static String decisions(long seed, ToxicHandle h, int links) {
    StringBuilder s = new StringBuilder();
    for (int link = 1; link <= links; link++) {
      s.append(Toxicity.meet(h, seed, link).applies() ? 'x' : '.');
    }
    return s.toString();
  }

  @Test
  void theSameSeedLinkAndToxicGiveTheSameDecisionAndTheSameStream() {
    assertEquals(decisions(5, slicer(1, 0.5), 64), decisions(5, slicer(1, 0.5), 64));
    assertEquals(Toxicity.random(5, 3, 1).nextLong(), Toxicity.random(5, 3, 1).nextLong());
  }

  @Test
  void anotherSeedOrToxicDecidesIndependently() {
    assertNotEquals(decisions(5, slicer(1, 0.5), 64), decisions(6, slicer(1, 0.5), 64), "another seed");
    assertNotEquals(decisions(5, slicer(1, 0.5), 64), decisions(5, slicer(2, 0.5), 64), "another toxic");
  }

  @Test
  void theShareOfLinksFollowsTheToxicity() {
    ToxicHandle h = slicer(1, 0.3);
    long applied = LongStream.rangeClosed(1, 10_000).filter(link -> Toxicity.meet(h, 99, link).applies()).count();
    assertTrue(applied > 2_700 && applied < 3_300, "toxicity 0.3 applied to " + applied + " of 10,000 links");
  }

  @Test
  void zeroIsNeverAndOneIsAlways() {
    assertEquals(".".repeat(200), decisions(1, slicer(1, 0), 200));
    assertEquals("x".repeat(200), decisions(1, slicer(1, 1), 200));
  }
}
