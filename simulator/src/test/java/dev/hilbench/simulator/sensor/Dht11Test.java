package dev.hilbench.simulator.sensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The DHT11 model: resolution, range, drift like a room, once a second at most, a room per node. */
class Dht11Test {

  @Test
  void readsLikeADht11InARoom() {
    long seed = 11;
    Dht11 s = new Dht11(new SplittableRandom(seed));
    SplittableRandom r = new SplittableRandom(seed + 1);
    short first = -1, previous = -1;
    int maxStep = 0;
    for (long t = 0; t < 24 * 3600_000L; t += 5000) {
      s.sample(t, r);
      short c = s.temperatureTenths(), h = s.humidityTenths();
      assertTrue(c >= 0 && c <= 500, "0..50 °C: " + c + " (seed " + seed + ")");
      assertTrue(h >= 200 && h <= 900 && h % 10 == 0, "20..90 %RH in 1 % steps: " + h);
      if (previous >= 0) {
        maxStep = Math.max(maxStep, Math.abs(c - previous));
      }
      if (first < 0) {
        first = c;
      }
      previous = c;
    }
    assertTrue(maxStep <= 5, "a room drifts slowly: at most 0.5 °C in 5 s, saw " + maxStep / 10.0);
  }

  @Test
  void samplesAtMostOnceASecond() {
    Dht11 s = new Dht11(new SplittableRandom(3));
    SplittableRandom r = new SplittableRandom(4);
    s.sample(0, r);
    short c = s.temperatureTenths();
    for (long t = 100; t < 1000; t += 100) {
      s.sample(t, r);
      assertEquals(c, s.temperatureTenths(), "cached within the second");
    }
  }

  @Test
  void everyNodeHasItsOwnRoom() {
    SplittableRandom r = new SplittableRandom(9);
    Dht11 a = new Dht11(new SplittableRandom(1)), b = new Dht11(new SplittableRandom(2));
    a.sample(0, r);
    b.sample(0, r);
    assertNotEquals(a.temperatureTenths() * 1000 + a.humidityTenths(), b.temperatureTenths() * 1000 + b.humidityTenths());
  }
}
