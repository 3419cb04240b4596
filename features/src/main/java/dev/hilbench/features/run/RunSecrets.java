package dev.hilbench.features.run;

import dev.hilbench.features.dut.nodemcu.WifiCredentials;
import java.util.Optional;

/**
 * Secrets handed to a run in memory, for its length only: the Wi-Fi credentials a caller has
 * already read and checked ({@code ./hilbench bench}) reach the real-board target without passing
 * through a system property, a file or the command line. A run that got none reads them itself.
 */
public final class RunSecrets {

  private static volatile WifiCredentials wifi;

  private RunSecrets() {}

  /** The credentials of the run in progress, if its caller gave some. */
  public static Optional<WifiCredentials> wifi() {
    return Optional.ofNullable(wifi);
  }

  static void set(WifiCredentials credentials) {
    wifi = credentials;
  }

  static void clear() {
    wifi = null;
  }
}
