package dev.hilbench.simulator.sensor;

import java.util.SplittableRandom;

/**
 * A DHT11 in a room: what the sensor reports, not what the room is.
 *
 * <p>The room drifts (a mean-reverting random walk plus a daily cycle whose phase differs per
 * node); the sensor adds its own fixed calibration error (within the datasheet's ±2 °C and
 * ±5 %RH), a little noise, rounds to its resolution (0.1 °C, 1 %RH) and clips to its range
 * (0..50 °C, 20..90 %RH). It samples at most once a second: asked sooner, it returns the last
 * sample, as the Adafruit driver does. Not thread-safe; one per node.
 */
public final class Dht11 {

  public static final double MIN_TEMPERATURE = 0, MAX_TEMPERATURE = 50;
  public static final double MIN_HUMIDITY = 20, MAX_HUMIDITY = 90;
  public static final long MIN_SAMPLE_PERIOD_MILLIS = 1000;

  private static final double DAY_MILLIS = 86_400_000.0;
  private static final double REVERSION_PER_SECOND = 1.0 / 1800;   // drift forgets in ~30 min
  private static final double TEMPERATURE_WALK = 0.02;              // °C per sqrt(s): ±0.6 °C typical
  private static final double HUMIDITY_WALK = 0.06;                 // %RH per sqrt(s): ±1.8 % typical
  private static final double DAILY_TEMPERATURE_SWING = 1.5;        // °C amplitude
  private static final double DAILY_HUMIDITY_SWING = 4.0;           // %RH amplitude, opposite phase

  private final double roomTemperature, roomHumidity, dayPhase;
  private final double temperatureError, humidityError;
  private double temperatureDrift, humidityDrift;
  private long lastSampleMillis = Long.MIN_VALUE;
  private short lastTenthsC, lastTenthsRh;

  /** A sensor in its own room, everything drawn from {@code random} (the node's stream). */
  public Dht11(SplittableRandom random) {
    this.roomTemperature = 19 + random.nextDouble() * 9;     // 19..28 °C
    this.roomHumidity = 35 + random.nextDouble() * 30;       // 35..65 %RH
    this.dayPhase = random.nextDouble();
    this.temperatureError = (random.nextDouble() * 2 - 1) * 2;
    this.humidityError = (random.nextDouble() * 2 - 1) * 5;
  }

  /**
   * Samples at uptime {@code millis}, drawing from {@code random}. Always draws the same amount
   * from it, cached sample or not, so that the draws that follow (fault decisions) do not depend
   * on the interval.
   */
  public void sample(long millis, SplittableRandom random) {
    double g1 = random.nextGaussian(), g2 = random.nextGaussian(), g3 = random.nextGaussian();
    if (lastSampleMillis != Long.MIN_VALUE && millis - lastSampleMillis < MIN_SAMPLE_PERIOD_MILLIS) {
      return;
    }
    double dt = lastSampleMillis == Long.MIN_VALUE ? 0 : (millis - lastSampleMillis) / 1000.0;
    lastSampleMillis = millis;
    double keep = Math.exp(-REVERSION_PER_SECOND * dt);
    temperatureDrift = temperatureDrift * keep + TEMPERATURE_WALK * Math.sqrt(dt) * g1;
    humidityDrift = humidityDrift * keep + HUMIDITY_WALK * Math.sqrt(dt) * g2;
    double day = Math.sin(2 * Math.PI * (millis / DAY_MILLIS + dayPhase));
    double t = roomTemperature + temperatureDrift + DAILY_TEMPERATURE_SWING * day + temperatureError + 0.05 * g3;
    double h = roomHumidity + humidityDrift - DAILY_HUMIDITY_SWING * day + humidityError;
    lastTenthsC = (short) Math.round(clamp(t, MIN_TEMPERATURE, MAX_TEMPERATURE) * 10);
    lastTenthsRh = (short) (10 * Math.round(clamp(h, MIN_HUMIDITY, MAX_HUMIDITY)));
  }

  /** The last sample's temperature in tenths of a degree Celsius. */
  public short temperatureTenths() {
    return lastTenthsC;
  }

  /** The last sample's humidity in tenths of a percent (always a whole percent). */
  public short humidityTenths() {
    return lastTenthsRh;
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
