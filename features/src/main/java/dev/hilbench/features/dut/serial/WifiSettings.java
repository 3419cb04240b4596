package dev.hilbench.features.dut.serial;

import java.util.Optional;

/**
 * The network a board joins. The password is a secret: it goes to the board's console and
 * nowhere else (the console's transcript masks it), and {@link #toString()} never shows it.
 *
 * @param ssid     the network's name; empty: the network the board already knows
 * @param password empty for an open network
 */
public record WifiSettings(Optional<String> ssid, Optional<String> password) {

  public static final WifiSettings KEEP = new WifiSettings(Optional.empty(), Optional.empty());

  @Override
  public String toString() {
    return "Wi-Fi " + ssid.map(s -> "'" + s + "'").orElse("(kept)") + password.map(p -> " with a password").orElse("");
  }
}
