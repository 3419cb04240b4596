package dev.hilbench.features.truth;

/** What a device logged about one reading it sent: uptime and the two measurements. */
public record Values(long millis, double temperature, double humidity) {

  /** Whether a stored reading carries the same values (measurements to 0.05, the log's precision). */
  public boolean matches(long storedMillis, double storedTemperature, double storedHumidity) {
    return storedMillis == millis
        && Math.abs(storedTemperature - temperature) < 0.05
        && Math.abs(storedHumidity - humidity) < 0.05;
  }
}
