package dev.hilbench.features.dut.nodemcu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WifiCredentialsTest {

  @Test
  void fromTheEnvironment() throws Exception {
    WifiCredentials c = WifiCredentials.load(Optional.empty(),
        Map.of("HILBENCH_WIFI_SSID", "lab", "HILBENCH_WIFI_PASSWORD", "pa ss"));
    assertEquals(new WifiCredentials("lab", "pa ss"), c);
  }

  @Test
  void anOpenNetworkHasNoPassword() throws Exception {
    assertEquals("", WifiCredentials.load(Optional.empty(), Map.of("HILBENCH_WIFI_SSID", "cafe")).password());
  }

  @Test
  void noneAnywhereSaysWhereTheyWereLookedFor() {
    WifiCredentials.MissingCredentialsException e = assertThrows(WifiCredentials.MissingCredentialsException.class,
        () -> WifiCredentials.load(Optional.empty(), Map.of()));
    assertTrue(e.getMessage().contains("HILBENCH_WIFI_SSID") && e.getMessage().contains("--wifi-file"), e.getMessage());
  }

  @Test
  void aFileWinsOverTheEnvironmentAndTakesEitherKeyStyle(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("wifi.env"), """
        # the bench network
        export HILBENCH_WIFI_SSID="bench lab"
        password='p=ss#1'
        """);
    WifiCredentials c = WifiCredentials.load(Optional.of(file), Map.of("HILBENCH_WIFI_SSID", "other"));
    assertEquals(new WifiCredentials("bench lab", "p=ss#1"), c);
  }

  @Test
  void aMissingFileIsNamed(@TempDir Path dir) {
    Path file = dir.resolve("nope");
    WifiCredentials.MissingCredentialsException e = assertThrows(WifiCredentials.MissingCredentialsException.class,
        () -> WifiCredentials.load(Optional.of(file), Map.of()));
    assertEquals("the Wi-Fi file " + file + " does not exist", e.getMessage());
  }

  @Test
  void aBadLineNamesFileAndLineButNeverAValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WifiCredentials.parse(List.of("ssid=lab", "hunter2"), "wifi.env"));
    assertEquals("wifi.env:2: expected KEY=VALUE (ssid=... or password=...)", e.getMessage());
    IllegalArgumentException key = assertThrows(IllegalArgumentException.class,
        () -> WifiCredentials.parse(List.of("user=hunter2"), "wifi.env"));
    assertFalse(key.getMessage().contains("hunter2"), key.getMessage());
  }

  @Test
  void limitsOfTheFirmware() {
    assertThrows(IllegalArgumentException.class, () -> new WifiCredentials("x".repeat(33), ""));
    assertThrows(IllegalArgumentException.class, () -> new WifiCredentials("lab", "x".repeat(65)));
    assertThrows(IllegalArgumentException.class, () -> WifiCredentials.parse(List.of("password=x"), "f"));
  }

  @Test
  void printingNeverShowsThePassword() {
    WifiCredentials c = new WifiCredentials("lab", "hunter2");
    assertEquals("Wi-Fi 'lab' (password set)", c.toString());
    assertFalse(c.toString().contains("hunter2"));
  }
}
