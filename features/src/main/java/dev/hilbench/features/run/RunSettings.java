package dev.hilbench.features.run;

import dev.hilbench.features.target.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What one run of the suite is told from outside, through system properties (set by the Maven
 * build, by {@code ./hilbench bench}, or with {@code -D} by hand). Secrets are not among them: the
 * Wi-Fi password is read by the real-board target itself, from the environment or a file.
 *
 * @param target         {@value #TARGET}: simulator (default), virtual or nodemcu
 * @param seed           {@value #SEED}: replays a failed scenario's fault decisions; absent, each
 *                       scenario draws a fresh seed and prints it if it fails
 * @param workDir        {@value #WORK_DIR}: transcripts, databases and logs of each scenario
 * @param virtualBinary  {@value #VIRTUAL_BINARY}: the virtual NodeMCU; absent, found from the
 *                       working directory upward ({@code firmware/build/virtual-nodemcu})
 * @param firmwareBuild  {@value #FIRMWARE_BUILD}: where the firmware build leaves its test images
 * @param port           {@value #PORT}: the real board's serial port (path or serial number)
 * @param image          {@value #IMAGE}: the firmware image to flash on a real board
 * @param serverAddress  {@value #SERVER_ADDRESS}: the address servers bind and boards connect to;
 *                       absent, 127.0.0.1 (devices on this machine)
 * @param wifiFile       {@value #WIFI_FILE}: a file with the Wi-Fi SSID and password for a real board
 */
public record RunSettings(Target target, Optional<Long> seed, Path workDir, Optional<Path> virtualBinary,
    Optional<Path> firmwareBuild, Optional<String> port, Optional<Path> image, String serverAddress,
    Optional<Path> wifiFile) {

  public static final String TARGET = Target.PROPERTY;
  public static final String SEED = "hilbench.seed";
  public static final String WORK_DIR = "hilbench.work-dir";
  public static final String VIRTUAL_BINARY = "hilbench.virtual-nodemcu";
  public static final String FIRMWARE_BUILD = "hilbench.firmware-build";
  public static final String PORT = "hilbench.port";
  public static final String IMAGE = "hilbench.image";
  public static final String SERVER_ADDRESS = "hilbench.server-address";
  public static final String WIFI_FILE = "hilbench.wifi-file";

  public static final String LOOPBACK = "127.0.0.1";

  /** The settings of this JVM's run. */
  public static RunSettings fromSystemProperties() {
    Target target = Target.current();
    Optional<Long> seed = property(SEED).map(s -> {
      try {
        return Long.parseLong(s);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("-D" + SEED + "=" + s + " is not a whole number");
      }
    });
    Path work = property(WORK_DIR).map(Path::of).orElse(Path.of("target", "hilbench-features", target.id()));
    return new RunSettings(target, seed, work, property(VIRTUAL_BINARY).map(Path::of),
        property(FIRMWARE_BUILD).map(Path::of), property(PORT), property(IMAGE).map(Path::of),
        property(SERVER_ADDRESS).orElse(LOOPBACK), property(WIFI_FILE).map(Path::of));
  }

  private static Optional<String> property(String name) {
    return Optional.ofNullable(System.getProperty(name)).map(String::strip).filter(s -> !s.isEmpty());
  }

  /**
   * A test image the firmware build made, e.g. {@code test-image.bin}: in {@link #firmwareBuild},
   * else in {@code firmware/build} of the working directory or the nearest one above it.
   */
  public Path firmwareBuildFile(String name) {
    if (firmwareBuild.isPresent()) {
      return firmwareBuild.get().resolve(name);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("firmware").resolve("build").resolve(name);
      if (Files.exists(candidate)) {
        return candidate;
      }
    }
    return Path.of("firmware", "build", name);
  }
}
