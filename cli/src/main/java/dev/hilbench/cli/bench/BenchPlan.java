package dev.hilbench.cli.bench;

import dev.hilbench.features.dut.FirmwareImages;
import dev.hilbench.features.dut.nodemcu.WifiCredentials;
import dev.hilbench.features.run.RunSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code ./hilbench bench} will do, checked before anything touches the board: the port, the
 * image and its version, the Wi-Fi network (never its password), and the address the board will
 * report to. Every problem found is a usage error with the fix in its words.
 *
 * @param port           the board's port, as given
 * @param image          the image to flash and test
 * @param imageVersion   the version its record carries
 * @param wifi           the network the board joins
 * @param wifiFile       where the credentials came from, if a file
 * @param serverAddress  the address the board reports to
 * @param addressChoice  how the address was found, when it was not given
 */
public record BenchPlan(String port, Path image, String imageVersion, WifiCredentials wifi, Optional<Path> wifiFile,
    String serverAddress, Optional<LanAddress.Choice> addressChoice) {

  /** A reason the command cannot run as asked. */
  public static final class UsageProblem extends Exception {
    public UsageProblem(String message) {
      super(message);
    }
  }

  /** Where the machine's addresses come from: the system, or a test's list. */
  @FunctionalInterface
  public interface Addresses {
    List<NetworkAddress> list() throws IOException;
  }

  public static BenchPlan check(String port, Path image, String serverAddress, Path wifiFile,
      Map<String, String> environment, Addresses addresses) throws UsageProblem {
    if (port == null || port.isBlank()) {
      throw new UsageProblem("no --port: name the board's serial port, by path (/dev/ttyUSB0, COM3) or by USB serial"
          + " number; ./hilbench ports lists them");
    }
    if (image == null) {
      throw new UsageProblem("no --image: the firmware image (.bin) to flash and test");
    }
    if (!Files.isRegularFile(image)) {
      throw new UsageProblem("no such image file: " + image);
    }
    String version;
    try {
      version = FirmwareImages.version(image);
    } catch (IOException e) {
      throw new UsageProblem(e.getMessage() + "; build the image as firmware/README.md says, so the bench can check"
          + " what the board runs");
    }
    WifiCredentials wifi;
    try {
      wifi = WifiCredentials.load(Optional.ofNullable(wifiFile), environment);
    } catch (IllegalArgumentException e) {
      throw new UsageProblem(e.getMessage());
    } catch (IOException e) {
      throw new UsageProblem("cannot read the Wi-Fi file " + wifiFile + ": " + e.getMessage());
    }
    if (serverAddress != null && !serverAddress.isBlank()) {
      return new BenchPlan(port, image, version, wifi, Optional.ofNullable(wifiFile), serverAddress.strip(),
          Optional.empty());
    }
    List<NetworkAddress> all;
    try {
      all = addresses.list();
    } catch (IOException e) {
      throw new UsageProblem("cannot list this machine's network interfaces (" + e.getMessage()
          + "): pass --server-address");
    }
    LanAddress.Choice choice = LanAddress.choose(all).orElseThrow(() -> new UsageProblem(
        "no LAN address found for the board to reach (interfaces: " + (all.isEmpty() ? "none" : all) + "):"
            + " join the bench's network, or pass --server-address"));
    return new BenchPlan(port, image, version, wifi, Optional.ofNullable(wifiFile), choice.address().address(),
        Optional.of(choice));
  }

  /** The settings the suite's real-board target reads; no secret among them. */
  public Map<String, String> properties() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put(RunSettings.PORT, port);
    p.put(RunSettings.IMAGE, image.toAbsolutePath().toString());
    p.put(RunSettings.SERVER_ADDRESS, serverAddress);
    wifiFile.ifPresent(f -> p.put(RunSettings.WIFI_FILE, f.toAbsolutePath().toString()));
    return p;
  }

  /** For the run's output: what will be flashed where, which network, which server address. */
  public String describe() {
    return "Board:   " + port + "\n"
        + "Image:   " + image + " (version " + imageVersion + ")\n"
        + "Network: " + wifi + wifiFile.map(f -> " from " + f).orElse(" from the environment") + "\n"
        + "Server:  " + addressChoice.map(LanAddress.Choice::describe).orElse(serverAddress + " (--server-address)");
  }
}
