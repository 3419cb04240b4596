package dev.hilbench.features.dut;

import dev.hilbench.features.target.Target;
import dev.hilbench.features.truth.GroundTruth;
import dev.hilbench.protocol.fault.FaultSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The device (or devices) a scenario drives: one interface, one implementation per target.
 * Steps talk to this and to the server, nothing else, so the same feature runs on simulated
 * nodes, on the virtual NodeMCU and on a real board.
 *
 * <p>Operations a target cannot perform throw {@link UnsupportedOperationException} naming the
 * target and the reason; scenarios that need them carry the tag that leaves them out there.
 */
public interface DeviceUnderTest extends AutoCloseable {

  Target target();

  /** How many devices this target can run at once. */
  int capacity();

  /**
   * Boots the devices with these settings (pointed at the server) and returns once each has
   * booted; connecting is up to them. A device already running is configured and rebooted, so
   * that every scenario starts from seq 0 on a new boot.
   */
  void start(DeviceSettings settings) throws IOException;

  /** The device ids, as their hellos announce them; known after {@link #start}. */
  List<String> devices();

  /** Turns on a device fault on every device, from its next reading on. */
  void addFault(FaultSpec fault) throws IOException;

  /** Turns every device fault off. */
  void clearFaults() throws IOException;

  /**
   * Wi-Fi is lost for {@code duration}: the devices' connections die without a word (no FIN),
   * then the network comes back and the devices reconnect as their policy says. Returns at once.
   */
  void loseWifi(Duration duration) throws IOException;

  /** What the temperature and humidity sensor will read from now on. */
  void setSensor(double temperature, double humidity) throws IOException;

  /** Every device restarts (as the firmware's {@code reboot}): seq from 0, a new boot id. */
  void reboot() throws IOException;

  /** What the devices say they generated and sent so far: the ledger or the serial log. */
  GroundTruth groundTruth();

  /** The serial transcript (or the simulator's account) so far, for a failed scenario's report. */
  String transcript();

  /**
   * Writes a firmware image through the ROM bootloader and boots it. Throws when the image is
   * refused or the chip does not answer, with the words a bench user knows from esptool.
   */
  void flash(Path image) throws IOException;

  /** The firmware version the device reports (its console's {@code version}). */
  String version() throws IOException;

  /** Stops the devices and releases what they hold (processes, ports, threads). */
  @Override
  void close() throws IOException;
}
