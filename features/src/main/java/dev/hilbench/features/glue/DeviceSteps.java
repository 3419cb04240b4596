package dev.hilbench.features.glue;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.features.dut.DeliveryMode;
import dev.hilbench.features.fixture.DeviceFixture;
import dev.hilbench.features.fixture.Timeline;
import dev.hilbench.features.fixture.Waits;
import dev.hilbench.features.truth.BootHistory;
import dev.hilbench.features.truth.GroundTruth;
import dev.hilbench.protocol.fault.FaultSpec;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The devices under test: started, disturbed, and watched making progress. */
public final class DeviceSteps {

  private final DeviceFixture devices;
  private final Timeline timeline;

  public DeviceSteps(DeviceFixture devices, Timeline timeline) {
    this.devices = devices;
    this.timeline = timeline;
  }

  @Given("a device reporting every {int} ms")
  @When("the device reports every {int} ms")
  public void aDevice(int ms) throws Exception {
    devices.start(1, Duration.ofMillis(ms), DeliveryMode.CLASSROOM, List.of());
  }

  @Given("a device reporting every {int} ms in {mode} mode")
  public void aDeviceInMode(int ms, DeliveryMode mode) throws Exception {
    devices.start(1, Duration.ofMillis(ms), mode, List.of());
  }

  @Given("a device reporting every {int} ms with the fault {string}")
  public void aDeviceWithFault(int ms, String fault) throws Exception {
    devices.start(1, Duration.ofMillis(ms), DeliveryMode.CLASSROOM, List.of(FaultSpec.parse(fault)));
  }

  @Given("{int} devices reporting every {int} ms")
  public void devices(int count, int ms) throws Exception {
    devices.start(count, Duration.ofMillis(ms), DeliveryMode.CLASSROOM, List.of());
  }

  @Given("{int} devices reporting every {int} ms in {mode} mode")
  public void devicesInMode(int count, int ms, DeliveryMode mode) throws Exception {
    devices.start(count, Duration.ofMillis(ms), mode, List.of());
  }

  @Given("the sensor measures {double} °C and {double} % humidity")
  public void sensor(double temperature, double humidity) throws Exception {
    devices.dut().setSensor(temperature, humidity);
  }

  @When("the device has sent {int} readings")
  @When("every device has sent {int} readings")
  public void sent(int n) throws Exception {
    awaitEach(n, "sent", GroundTruth::written, false);
  }

  @When("the device has sent {int} more readings")
  @When("every device has sent {int} more readings")
  public void sentMore(int n) throws Exception {
    awaitEach(n, "sent", GroundTruth::written, true);
  }

  @When("the device has taken {int} readings")
  public void taken(int n) throws Exception {
    awaitEach(n, "taken", (t, d) -> t.bootsOf(d).stream().mapToLong(BootHistory::generated).sum(), false);
  }

  @When("the device has sent {int} readings since it rebooted")
  public void sentSinceReboot(int n) throws Exception {
    awaitEach(n, "sent in its current boot", (t, d) -> {
      List<BootHistory> boots = t.bootsOf(d);
      return boots.isEmpty() ? 0 : boots.get(boots.size() - 1).written();
    }, false);
  }

  @When("the device reboots")
  public void reboots() throws Exception {
    devices.dut().reboot();
  }

  @When("the device loses Wi-Fi for {int} second(s)")
  public void losesWifi(int seconds) throws Exception {
    Instant at = Instant.now();
    devices.dut().loseWifi(Duration.ofSeconds(seconds));
    timeline.wifiLost(at, at.plusSeconds(seconds));
  }

  /** A count of one device's readings in a record. */
  private interface Count {
    long of(GroundTruth truth, String device);
  }

  /**
   * Waits until every device's count reached {@code n}, counted from zero, or {@code fromNow}
   * from where it stood when the step began. The wait allows each reading twice its interval,
   * plus time for a board to boot and join Wi-Fi.
   */
  private void awaitEach(int n, String what, Count count, boolean fromNow) throws Exception {
    List<String> ids = devices.devices();
    GroundTruth before = devices.truth();
    long[] base = new long[ids.size()];
    for (int i = 0; i < ids.size() && fromNow; i++) {
      base[i] = count.of(before, ids.get(i));
    }
    Duration interval = devices.settings().interval();
    Duration timeout = interval.multipliedBy(2L * n).plusSeconds(15);
    Waits.upTo(timeout, "each of " + ids.size() + " device(s) has " + what + " " + n + " readings")
        .untilAsserted(() -> {
          GroundTruth truth = devices.truth();
          for (int i = 0; i < ids.size(); i++) {
            long c = count.of(truth, ids.get(i)) - base[i];
            int index = i;
            assertTrue(c >= n, () -> ids.get(index) + " has " + what + " " + c + " readings, not yet " + n);
          }
        });
  }
}
