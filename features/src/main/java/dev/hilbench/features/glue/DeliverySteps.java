package dev.hilbench.features.glue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.hilbench.features.check.Loss;
import dev.hilbench.features.check.Reconciliation;
import dev.hilbench.features.dut.simulator.SimulatorDut;
import dev.hilbench.features.fixture.DeviceFixture;
import dev.hilbench.features.fixture.ServerFixture;
import dev.hilbench.features.fixture.Timeline;
import dev.hilbench.features.fixture.Waits;
import dev.hilbench.features.truth.BootHistory;
import dev.hilbench.features.truth.Fate;
import dev.hilbench.features.truth.GroundTruth;
import dev.hilbench.server.store.StoredReading;
import io.cucumber.java.en.Then;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the devices say they sent, held against what the server stored. Each check takes the
 * devices' record once, when it begins, and waits for the store to catch up with it: the devices
 * go on sending meanwhile, and readings newer than the record are not its business.
 */
public final class DeliverySteps {

  /** How long the store may take to hold what was written before a check began. */
  static final Duration SETTLE = Duration.ofSeconds(10);

  private final DeviceFixture devices;
  private final ServerFixture server;
  private final Timeline timeline;

  public DeliverySteps(DeviceFixture devices, ServerFixture server, Timeline timeline) {
    this.devices = devices;
    this.server = server;
    this.timeline = timeline;
  }

  @Then("the server has stored every reading the device sent, exactly once")
  @Then("the server has stored every reading the devices sent, exactly once")
  public void storedExactly() throws Exception {
    GroundTruth truth = record();
    Waits.upTo(SETTLE, "the store to hold every reading the devices wrote, once")
        .untilAsserted(() -> {
          Reconciliation r = Reconciliation.of(truth, server.stored());
          assertTrue(r.exact(), () -> "the store does not match what the devices sent:\n" + r);
        });
  }

  @Then("the server has acknowledged every reading it stored from the device")
  public void acknowledged() throws Exception {
    String device = devices.only();
    Waits.upTo(SETTLE, "an acknowledgement for every stored reading of " + device)
        .untilAsserted(() -> {
          List<StoredReading> stored = server.stored();
          GroundTruth truth = record();
          for (StoredReading s : stored) {
            if (!s.device().equals(device)) {
              continue;
            }
            BootHistory boot = truth.boot(device, s.boot()).orElse(null);
            Fate fate = boot == null ? null : boot.fate(s.seq());
            assertTrue(fate == null || Fate.ACKED.equals(fate),
                () -> device + " boot " + s.boot() + " seq " + s.seq() + " is stored but the device logged it as " + fate);
          }
        });
  }

  @Then("the server lost nothing")
  public void lostNothing() throws Exception {
    awaitLoss("nothing lost", 0, 0);
  }

  @Then("the server lost nothing, give or take one reading per device")
  public void lostAtMostOne() throws Exception {
    awaitLoss("at most one reading lost per device", 0, 1);
  }

  @Then("the server lost the readings taken while it was down, give or take one per device")
  public void lostTheDownTime() throws Exception {
    Duration outage = Duration.between(timeline.serverStopped(), timeline.reconnected());
    long expected = Math.round((double) outage.toMillis() / devices.settings().interval().toMillis());
    awaitLoss("the readings of " + outage.toMillis() + " ms without a connection lost (" + expected + " at one every "
        + devices.settings().interval().toMillis() + " ms)", Math.max(0, expected - 1), expected + 1);
  }

  /**
   * Waits until each device's loss is within {@code [min, max]}, in one stretch, and the store
   * holds nothing the devices did not send intact.
   */
  private void awaitLoss(String what, long min, long max) throws Exception {
    GroundTruth truth = record();
    Waits.upTo(SETTLE, what).untilAsserted(() -> {
      List<StoredReading> stored = server.stored();
      Map<String, Loss> losses = Loss.of(truth, stored);
      List<Loss> off = losses.values().stream().filter(l -> l.lost() < min || l.lost() > max || l.runs() > 1).toList();
      assertTrue(off.isEmpty(), () -> off.size() + " of " + losses.size() + " device(s) lost other than " + min + ".."
          + max + " readings in one stretch:\n  " + off.stream().limit(10).map(Loss::toString)
          .collect(Collectors.joining("\n  ")));
      Reconciliation r = Reconciliation.of(truth, stored);
      assertTrue(r.exactBut(max), () -> "the store does not match what the devices sent:\n" + r);
    });
  }

  /** The devices' record now; a simulator bug (an event loop error) fails the scenario here. */
  private GroundTruth record() throws Exception {
    if (devices.dut() instanceof SimulatorDut sim && !sim.errors().isEmpty()) {
      fail("the simulator's event loops failed: " + sim.errors());
    }
    GroundTruth truth = devices.truth();
    assertEquals(false, truth.boots().isEmpty(), "the devices have recorded no boot at all");
    return truth;
  }
}
