package dev.hilbench.features.dut;

import dev.hilbench.protocol.fault.FaultSpec;
import java.time.Duration;
import java.util.List;

/**
 * How the devices under test are to behave, as a scenario says it.
 *
 * @param count       how many devices (1 on a board)
 * @param serverHost  the address devices connect to
 * @param serverPort  its port
 * @param interval    time between readings
 * @param mode        delivery mode
 * @param faults      device faults active from the start
 * @param backoffBase first reconnect delay bound (exponential backoff with full jitter)
 * @param backoffCap  longest reconnect delay bound
 * @param seed        seed of fault decisions and backoff jitter
 */
public record DeviceSettings(int count, String serverHost, int serverPort, Duration interval, DeliveryMode mode,
    List<FaultSpec> faults, Duration backoffBase, Duration backoffCap, long seed) {

  /** Reconnect delays short enough for tests, with the firmware's policy (full jitter). */
  public static final Duration TEST_BACKOFF_BASE = Duration.ofMillis(200);
  public static final Duration TEST_BACKOFF_CAP = Duration.ofSeconds(2);

  public DeviceSettings {
    if (count < 1) {
      throw new IllegalArgumentException("at least one device, got " + count);
    }
    if (interval.toMillis() < 100) {
      throw new IllegalArgumentException("the firmware's shortest interval is 100 ms, got " + interval.toMillis() + " ms");
    }
    faults = List.copyOf(faults);
  }

  public static DeviceSettings of(int count, String host, int port, Duration interval, long seed) {
    return new DeviceSettings(count, host, port, interval, DeliveryMode.CLASSROOM, List.of(), TEST_BACKOFF_BASE,
        TEST_BACKOFF_CAP, seed);
  }

  public DeviceSettings withMode(DeliveryMode m) {
    return new DeviceSettings(count, serverHost, serverPort, interval, m, faults, backoffBase, backoffCap, seed);
  }

  public DeviceSettings withFaults(List<FaultSpec> f) {
    return new DeviceSettings(count, serverHost, serverPort, interval, mode, f, backoffBase, backoffCap, seed);
  }

  public DeviceSettings withServer(String host, int port) {
    return new DeviceSettings(count, host, port, interval, mode, faults, backoffBase, backoffCap, seed);
  }
}
