package dev.hilbench.features.dut.nodemcu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Wi-Fi network a real board joins on the bench. Never from the command line (it would end up
 * in shell history and in {@code ps}): from the environment ({@value #SSID_VARIABLE},
 * {@value #PASSWORD_VARIABLE}) or from a file of {@code KEY=VALUE} lines, where the keys are
 * {@code ssid} and {@code password} or the two variable names (so a file written for
 * {@code source} works too). Blank lines and {@code #} comments are skipped; values may be quoted.
 *
 * <p>{@link #toString()} shows the SSID and never the password.
 */
public record WifiCredentials(String ssid, String password) {

  public static final String SSID_VARIABLE = "HILBENCH_WIFI_SSID";
  public static final String PASSWORD_VARIABLE = "HILBENCH_WIFI_PASSWORD";

  public WifiCredentials {
    if (ssid == null || ssid.isEmpty()) {
      throw new IllegalArgumentException("the Wi-Fi SSID is empty");
    }
    if (ssid.length() > 32) {
      throw new IllegalArgumentException("the Wi-Fi SSID has " + ssid.length() + " characters; at most 32 are allowed");
    }
    if (password == null) {
      password = "";
    }
    if (password.length() > 64) {
      throw new IllegalArgumentException("the Wi-Fi password has " + password.length()
          + " characters; a WPA password has at most 64");
    }
  }

  /**
   * From {@code file} if given, else from the environment.
   *
   * @throws MissingCredentialsException naming where they were looked for
   */
  public static WifiCredentials load(Optional<Path> file, Map<String, String> environment) throws IOException {
    if (file.isPresent()) {
      return fromFile(file.get());
    }
    String ssid = environment.get(SSID_VARIABLE);
    if (ssid == null || ssid.isEmpty()) {
      throw new MissingCredentialsException("no Wi-Fi network for the board: set " + SSID_VARIABLE + " and "
          + PASSWORD_VARIABLE + " in the environment, or pass --wifi-file FILE (lines ssid=... and password=...)");
    }
    return new WifiCredentials(ssid, environment.getOrDefault(PASSWORD_VARIABLE, ""));
  }

  public static WifiCredentials fromFile(Path file) throws IOException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new MissingCredentialsException("the Wi-Fi file " + file + " does not exist");
    }
    return parse(lines, file.toString());
  }

  /** Parses the lines of a credentials file; errors name the file and line, never a value. */
  public static WifiCredentials parse(List<String> lines, String name) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("export ")) {
        line = line.substring(7).strip();
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(name + ":" + (i + 1) + ": expected KEY=VALUE (ssid=... or password=...)");
      }
      String key = line.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      String value = unquote(line.substring(eq + 1).strip());
      switch (key) {
        case "ssid", "hilbench_wifi_ssid" -> values.put("ssid", value);
        case "password", "pass", "hilbench_wifi_password" -> values.put("password", value);
        default -> throw new IllegalArgumentException(name + ":" + (i + 1) + ": unknown key '" + key
            + "' (expected ssid or password)");
      }
    }
    if (!values.containsKey("ssid") || values.get("ssid").isEmpty()) {
      throw new MissingCredentialsException(name + ": no ssid=... line");
    }
    return new WifiCredentials(values.get("ssid"), values.getOrDefault("password", ""));
  }

  private static String unquote(String v) {
    if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
      return v.substring(1, v.length() - 1);
    }
    return v;
  }

  @Override
  public String toString() {
    return "Wi-Fi '" + ssid + "'" + (password.isEmpty() ? " (open)" : " (password set)");
  }

  /** No credentials where they were looked for. */
  public static final class MissingCredentialsException extends IllegalArgumentException {
    public MissingCredentialsException(String message) {
      super(message);
    }
  }
}
