package dev.hilbench.features.dut.serial;

import dev.hilbench.features.dut.DeviceSettings;
import dev.hilbench.protocol.fault.FaultSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The console commands that put the firmware in the state a scenario asks for. Pure: the lists
 * are sent by {@link SerialDut}. Settings persist in the board's EEPROM; faults live in RAM, so
 * they are set after the reboot that starts the scenario.
 */
public final class FirmwareCommands {

  private FirmwareCommands() {}

  /**
   * Network, server, interval, delivery mode, seed and backoff: sent before a reboot. Settings
   * apply at once, so the board would connect to the scenario's server while half configured,
   * and the server would count that connection and a reboot; {@code hold} first closes its
   * connection and keeps it off the network until the reboot.
   */
  public static List<String> settings(DeviceSettings s, WifiSettings wifi) {
    List<String> commands = new ArrayList<>();
    commands.add("hold");
    wifi.ssid().ifPresent(ssid -> commands.add("wifi ssid " + ssid));
    wifi.password().ifPresent(pass -> commands.add("wifi pass " + pass));
    commands.add("server " + s.serverHost() + " " + s.serverPort());
    commands.add("interval " + s.interval().toMillis());
    commands.add("mode " + s.mode().id());
    commands.add("seed " + s.seed());
    commands.add("backoff " + s.backoffBase().toMillis() + " " + s.backoffCap().toMillis());
    return commands;
  }

  /** The scenario's faults, and none other: sent once the board has booted. */
  public static List<String> faults(DeviceSettings s) {
    List<String> commands = new ArrayList<>();
    commands.add("fault clear");
    for (FaultSpec f : s.faults()) {
      commands.add(fault(f));
    }
    return commands;
  }

  /** The console takes the shared spec text; the canonical form leaves nothing to defaults. */
  public static String fault(FaultSpec f) {
    return "fault " + f;
  }
}
