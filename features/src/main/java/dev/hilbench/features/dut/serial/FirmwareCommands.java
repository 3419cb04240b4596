package dev.hilbench.features.dut.serial;

import dev.hilbench.features.dut.DeviceSettings;
import dev.hilbench.features.dut.FaultSetting;
import java.util.ArrayList;
import java.util.List;

/**
 * The console commands that put the firmware in the state a scenario asks for: network, server,
 * interval, delivery mode, seed, backoff, faults. Pure: the list is sent by {@link SerialDut}.
 */
public final class FirmwareCommands {

  private FirmwareCommands() {}

  public static List<String> configure(DeviceSettings s, WifiSettings wifi) {
    List<String> commands = new ArrayList<>();
    wifi.ssid().ifPresent(ssid -> commands.add("wifi ssid " + ssid));
    wifi.password().ifPresent(pass -> commands.add("wifi pass " + pass));
    commands.add("server " + s.serverHost() + " " + s.serverPort());
    commands.add("interval " + s.interval().toMillis());
    commands.add("mode " + s.mode().id());
    commands.add("seed " + s.seed());
    commands.add("backoff " + s.backoffBase().toMillis() + " " + s.backoffCap().toMillis());
    commands.add("fault clear");
    for (FaultSetting f : s.faults()) {
      commands.add(fault(f));
    }
    return commands;
  }

  public static String fault(FaultSetting f) {
    return "fault " + f;
  }
}
