package dev.hilbench.features.dut.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hilbench.features.dut.DeliveryMode;
import dev.hilbench.features.dut.DeviceSettings;
import dev.hilbench.protocol.fault.FaultSpec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FirmwareCommandsTest {

  private final DeviceSettings settings = DeviceSettings.of(1, "127.0.0.1", 4567, Duration.ofMillis(200), 99)
      .withMode(DeliveryMode.ACK).withFaults(List.of(FaultSpec.parse("coalesce,count=3"), FaultSpec.parse("drop=0.25")));

  @Test
  void aVirtualBoardKeepsItsNetworkAndIsHeldOffItUntilTheReboot() {
    assertEquals(List.of("hold", "server 127.0.0.1 4567", "interval 200", "mode ack", "seed 99",
        "backoff 200 2000"),
        FirmwareCommands.settings(settings, WifiSettings.KEEP));
  }

  @Test
  void faultsReplaceWhateverWasSetInTheirCanonicalForm() {
    assertEquals(List.of("fault clear", "fault coalesce=1,count=3", "fault drop=0.25"), FirmwareCommands.faults(settings));
  }

  @Test
  void aRealBoardIsToldItsNetworkFirst() {
    List<String> commands = FirmwareCommands.settings(settings,
        new WifiSettings(Optional.of("bench lab"), Optional.of("s3cret")));
    assertEquals(List.of("wifi ssid bench lab", "wifi pass s3cret"), commands.subList(1, 3));
  }

  @Test
  void wifiSettingsNeverShowThePassword() {
    assertEquals("Wi-Fi 'bench lab' with a password",
        new WifiSettings(Optional.of("bench lab"), Optional.of("s3cret")).toString());
  }
}
