package dev.hilbench.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.simulator.net.HostPort;
import dev.hilbench.simulator.scenario.SourceAddressesParser;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Durations, jitter, addresses: the small parsers the command line and scenarios share. */
class MiscParsingTest {

  @Test
  void durations() {
    assertEquals(Duration.ofSeconds(5), Durations.parse("5s"));
    assertEquals(Duration.ofMillis(1500), Durations.parse("1.5s"));
    assertEquals(Duration.ofMillis(250), Durations.parse("250ms"));
    assertEquals(Duration.ofMinutes(2), Durations.parse("2m"));
    assertEquals(Duration.ofSeconds(7), Durations.parse("7"), "bare numbers are seconds on the command line");
    assertEquals(Duration.ofMillis(7), Durations.parse("7", 1_000_000L), "and whatever a fault parameter says");
    assertEquals(Duration.ofNanos(250_000), Durations.parse("250us"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Durations.parse("soon")).getMessage().contains("'soon'"));
    assertEquals("1.5s", Durations.format(Duration.ofMillis(1500)));
    assertEquals("2m", Durations.format(Duration.ofMinutes(2)));
  }

  @Test
  void jitterStaysInItsBounds() {
    SplittableRandom r = new SplittableRandom(8);
    Jitter uniform = Jitter.parse("uniform:200ms"), normal = Jitter.parse("normal:50ms"), exp = Jitter.parse("exponential:1s");
    double expMean = 0;
    for (int i = 0; i < 10_000; i++) {
      long u = uniform.draw(r), n = normal.draw(r), e = exp.draw(r);
      assertTrue(u >= -200 && u <= 200);
      assertTrue(n >= -150 && n <= 150, "normal is cut at 3 sigma");
      assertTrue(e >= 0, "exponential is always late");
      expMean += e / 10_000.0;
    }
    assertEquals(1000, expMean, 60, "exponential:1s has a mean of 1 s (seed 8)");
    assertEquals(0, Jitter.parse("none").draw(r));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Jitter.parse("gaussian:1s")).getMessage().contains("uniform"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Jitter.parse("uniform")).getMessage().contains("uniform:200ms"));
  }

  @Test
  void eachNodeItsOwnLoopbackAddress() {
    var perNode = SourceAddressesParser.parse("per-node");
    assertEquals("127.1.0.1", perNode.forNode(0).getHostAddress());
    assertEquals("127.1.0.254", perNode.forNode(253).getHostAddress());
    assertEquals("127.1.1.1", perNode.forNode(254).getHostAddress());
    assertEquals("127.1.74.204", perNode.forNode(18_999).getHostAddress());
    assertEquals("127.1.0.3", SourceAddressesParser.parse("4").forNode(6).getHostAddress());
    assertEquals(null, SourceAddressesParser.parse("kernel").forNode(6));
    assertThrows(IllegalArgumentException.class, () -> SourceAddressesParser.parse("lots"));
  }

  @Test
  void serverAddresses() {
    assertEquals(5050, HostPort.parse("127.0.0.1:5050").getPort());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> HostPort.parse("127.0.0.1")).getMessage().contains("HOST:PORT"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> HostPort.parse("h:99999")).getMessage().contains("1..65535"));
  }
}
