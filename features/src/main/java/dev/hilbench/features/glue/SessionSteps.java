package dev.hilbench.features.glue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.features.fixture.DeviceFixture;
import dev.hilbench.features.fixture.ServerFixture;
import dev.hilbench.features.fixture.Timeline;
import dev.hilbench.features.fixture.Waits;
import dev.hilbench.features.check.Gaps;
import dev.hilbench.features.truth.GroundTruth;
import dev.hilbench.protocol.LineError;
import dev.hilbench.protocol.Reading;
import dev.hilbench.server.DeviceSnapshot;
import dev.hilbench.server.store.StoredReading;
import io.cucumber.java.en.Then;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What the server knows about the devices' sessions: connections, reboots, bad lines, silence. */
public final class SessionSteps {

  private final DeviceFixture devices;
  private final ServerFixture server;
  private final Timeline timeline;

  public SessionSteps(DeviceFixture devices, ServerFixture server, Timeline timeline) {
    this.devices = devices;
    this.server = server;
    this.timeline = timeline;
  }

  private DeviceSnapshot snapshot(String device) {
    return server.device(device).orElseThrow(() -> new AssertionError("the server does not know device " + device
        + "; it knows " + server.devices().stream().map(DeviceSnapshot::device).toList()));
  }

  @Then("the server counted no duplicate and no malformed line for the device")
  public void clean() throws Exception {
    DeviceSnapshot d = snapshot(devices.only());
    assertEquals(0, d.duplicates(), () -> d.device() + " has duplicates: " + d);
    assertEquals(0, d.malformed(), () -> d.device() + " sent malformed lines: " + d.malformedByCode() + ", last "
        + d.lastMalformed());
  }

  @Then("every gap the server counted is a reading the device says it never sent")
  public void gapsExplained() throws Exception {
    String device = devices.only();
    Waits.upTo(Duration.ofSeconds(5), "the server's gaps for " + device + " to be the readings it never sent")
        .untilAsserted(() -> {
          DeviceSnapshot d = snapshot(device);
          List<StoredReading> stored = server.stored();
          Gaps gaps = Gaps.of(devices.truth(), stored, device);
          assertTrue(gaps.unexplained().isEmpty(), () -> "gaps where the device says it sent the reading: "
              + gaps.unexplained());
          assertEquals(gaps.seqs().size(), d.gaps(), () -> "the server counts " + d.gaps() + " gaps for " + device
              + ", the store misses " + gaps.seqs());
        });
  }

  @Then("the server reported {word} lines from the device, naming the device and the reason")
  public void reportedBadLines(String reason) throws Exception {
    String device = devices.only();
    LineError code = reason.equals("malformed") ? null : LineError.valueOf(reason.toUpperCase(java.util.Locale.ROOT));
    Waits.upTo(Duration.ofSeconds(5), reason + " lines from " + device + " in the counters and the log")
        .untilAsserted(() -> {
          DeviceSnapshot d = snapshot(device);
          long count = code == null ? d.malformed() : d.malformed(code);
          assertTrue(count > 0, () -> "no " + reason + " line counted for " + device + ": " + d.malformedByCode());
          String words = code == null ? "bad line, " : "bad line, " + code.code();
          assertFalse(server.log().linesWith(device, words).isEmpty(),
              () -> "the server's log has no line naming " + device + " and '" + words + "'");
        });
  }

  @Then("the device is still on its first connection")
  public void firstConnection() throws Exception {
    DeviceSnapshot d = snapshot(devices.only());
    assertTrue(d.connected(), () -> d.device() + " is not connected: " + d);
    assertEquals(1, d.connects(), () -> d.device() + " connected " + d.connects() + " times: " + d);
  }

  @Then("the server knows {int} devices, each connected once")
  public void knowsDevices(int n) {
    List<DeviceSnapshot> all = server.devices();
    assertEquals(n, all.size(), () -> "the server knows " + all.size() + " devices, not " + n);
    List<String> reconnected = all.stream().filter(d -> d.connects() != 1)
        .map(d -> d.device() + " (" + d.connects() + " connects)").toList();
    assertTrue(reconnected.isEmpty(), () -> reconnected.size() + " devices connected more than once: " + reconnected);
  }

  @Then("the device is connected again within {int} seconds of the server's return")
  @Then("every device is connected again within {int} seconds of the server's return")
  public void connectedAgain(int seconds) throws Exception {
    List<String> ids = devices.devices();
    Instant deadline = timeline.serverBack().plusSeconds(seconds);
    Waits.upTo(Duration.between(Instant.now(), deadline), "all " + ids.size() + " device(s) connected within "
        + seconds + " s of the server's return")
        .untilAsserted(() -> {
          List<String> away = ids.stream().filter(id -> server.device(id).map(d -> !d.connected()).orElse(true)).toList();
          assertTrue(away.isEmpty(), () -> away.size() + " device(s) not connected yet: "
              + away.stream().limit(10).collect(Collectors.joining(", ")));
        });
    timeline.reconnected(Instant.now());
  }

  @Then("the server closes the device's connection within {int} seconds, as silent")
  public void closedAsSilent(int seconds) throws Exception {
    String device = devices.only();
    Instant deadline = timeline.wifiLost().plusSeconds(seconds);
    Waits.upTo(Duration.between(Instant.now(), deadline), "the server to close " + device + "'s silent connection"
        + " within " + seconds + " s (idle timeout " + server.idleTimeout().toMillis() + " ms)")
        .untilAsserted(() -> assertEquals(1, snapshot(device).idleTimeouts(),
            () -> "idle timeouts of " + device + ": " + snapshot(device)));
  }

  @Then("the device is reporting again within {int} seconds")
  public void reportingAgain(int seconds) throws Exception {
    String device = devices.only();
    Instant back = timeline.wifiBack().orElseThrow();
    Waits.upTo(Duration.ofSeconds(seconds), device + " storing readings again after its Wi-Fi came back")
        .untilAsserted(() -> {
          DeviceSnapshot d = snapshot(device);
          assertTrue(d.connected() && d.lastReadingAt() != null && d.lastReadingAt().isAfter(back),
              () -> device + ": connected " + d.connected() + ", last reading at " + d.lastReadingAt()
                  + ", Wi-Fi back at " + back);
        });
  }

  @Then("the server holds one connection, the device's")
  public void oneConnection() throws Exception {
    String device = devices.only();
    Duration patience = server.idleTimeout().plusSeconds(2);
    Waits.upTo(patience, "one open connection, " + device + "'s").untilAsserted(() -> {
      assertEquals(1, server.stats().connectionsOpen(), () -> "open connections: " + server.stats());
      assertTrue(snapshot(device).connected(), () -> device + " is not connected");
    });
  }

  @Then("the server counted {int} reboot(s) and no duplicate for the device")
  public void rebootsOfDevice(int n) throws Exception {
    awaitReboots(server, devices.only(), n);
  }

  static void awaitReboots(ServerFixture server, String device, int n) {
    Waits.upTo(Duration.ofSeconds(5), n + " reboot(s) of " + device).untilAsserted(() -> {
      DeviceSnapshot d = server.device(device).orElseThrow(() -> new AssertionError("unknown device " + device));
      assertEquals(n, d.reboots(), () -> "reboots of " + device + ": " + d);
      assertEquals(0, d.duplicates(), () -> "duplicates of " + device + ": " + d);
    });
  }

  @Then("the server has stored readings of {int} boots of the device, each from the first reading it sent")
  public void bootsFromTheirFirstReading(int n) throws Exception {
    String device = devices.only();
    GroundTruth truth = devices.truth();
    Map<String, Long> firstStored = server.stored().stream().filter(r -> r.device().equals(device))
        .collect(Collectors.toMap(StoredReading::boot, StoredReading::seq, Math::min));
    assertEquals(n, firstStored.size(), () -> device + "'s stored boots: " + firstStored.keySet());
    firstStored.forEach((boot, seq) -> {
      long firstSent = truth.boot(device, boot).orElseThrow(() -> new AssertionError(device + " never logged boot "
          + boot)).fates().entrySet().stream().filter(e -> e.getValue().written()).mapToLong(Map.Entry::getKey)
          .min().orElse(-1);
      assertEquals(firstSent, seq, () -> "boot " + boot + " of " + device + " is stored from seq " + seq
          + ", but the device sent seq " + firstSent + " first");
    });
  }

  @Then("the latest reading the server stored from the device is {double} °C and {double} % humidity")
  public void latestReading(double temperature, double humidity) throws Exception {
    String device = devices.only();
    Waits.upTo(Duration.ofSeconds(5), device + "'s latest reading to be " + temperature + " °C, " + humidity + " %")
        .untilAsserted(() -> {
          Reading r = snapshot(device).lastReading();
          assertTrue(r != null && Math.abs(r.temperature() - temperature) < 0.05 && Math.abs(r.humidity() - humidity) < 0.05,
              () -> device + "'s latest reading is " + r);
        });
  }
}
