package dev.hilbench.features.dut;

import dev.hilbench.features.dut.nodemcu.UsbBoard;
import dev.hilbench.features.dut.nodemcu.WifiCredentials;
import dev.hilbench.features.dut.serial.SerialDut;
import dev.hilbench.features.dut.simulator.SimulatorDut;
import dev.hilbench.features.dut.virtual.VirtualBoard;
import dev.hilbench.features.run.RunSecrets;
import dev.hilbench.features.run.RunSettings;
import dev.hilbench.hil.virtual.VirtualNodeMcuBinary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** The one place that knows which implementation serves which target. */
public final class DeviceUnderTests {

  private DeviceUnderTests() {}

  /** The credentials the run was handed, else those of the environment or the --wifi-file. */
  private static WifiCredentials wifi(RunSettings run) throws IOException {
    Optional<WifiCredentials> given = RunSecrets.wifi();
    return given.isPresent() ? given.get() : WifiCredentials.load(run.wifiFile(), System.getenv());
  }

  public static DeviceUnderTest create(RunSettings run, Path scenarioDir) throws IOException {
    return switch (run.target()) {
      case SIMULATOR -> new SimulatorDut();
      case VIRTUAL -> new SerialDut(
          new VirtualBoard(VirtualNodeMcuBinary.locate(run.virtualBinary().orElse(null), Path.of("")), scenarioDir),
          scenarioDir);
      case NODEMCU -> new SerialDut(new UsbBoard(run.port().orElse(""), wifi(run)), scenarioDir);
    };
  }
}
