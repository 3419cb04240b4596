package dev.hilbench.simulator.proxy;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A toxic as written on the command line or the control console:
 * {@code TYPE[:KEY=VALUE,...]}, e.g. {@code slicer:average_size=3,delay=1000} or
 * {@code latency:latency=200,jitter=50,stream=downstream,toxicity=0.5}. Besides the toxic's own
 * parameters, {@code stream} (default upstream: towards the server, where a node's readings go;
 * note that toxiproxy-cli's default is downstream) and {@code toxicity} (default 1).
 */
public record ToxicSpec(ToxicType type, Direction stream, double toxicity, Map<String, Long> params) {

  /** Parses and checks a spec; the error quotes the text and names what is wrong. */
  public static ToxicSpec parse(String text) {
    String s = text == null ? "" : text.trim();
    int colon = s.indexOf(':');
    String name = colon < 0 ? s : s.substring(0, colon).trim();
    if (name.equalsIgnoreCase("down")) {
      throw new IllegalArgumentException("'down' is not a toxic of a link: type 'down' (and 'up') on the proxy's standard input");
    }
    ToxicType type;
    try {
      type = ToxicType.named(name);
    } catch (IllegalArgumentException e) {
      throw problem(text, e.getMessage());
    }
    Direction stream = Direction.UPSTREAM;
    double toxicity = 1;
    Map<String, Long> params = new LinkedHashMap<>();
    if (colon >= 0) {
      for (String part : s.substring(colon + 1).split(",")) {
        String[] kv = part.split("=", 2);
        if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
          throw problem(text, "'" + part.trim() + "' must be KEY=VALUE");
        }
        String key = kv[0].trim().toLowerCase(Locale.ROOT);
        String value = kv[1].trim();
        switch (key) {
          case "stream" -> stream = parseStream(text, value);
          case "toxicity" -> toxicity = parseToxicity(text, value);
          default -> params.put(key, parseWhole(text, key, value));
        }
      }
    }
    try {
      return new ToxicSpec(type, stream, toxicity, type.resolve(params));
    } catch (IllegalArgumentException e) {
      throw problem(text, e.getMessage());
    }
  }

  private static Direction parseStream(String text, String value) {
    try {
      return Direction.parse(value);
    } catch (IllegalArgumentException e) {
      throw problem(text, e.getMessage());
    }
  }

  private static double parseToxicity(String text, String value) {
    double t;
    try {
      t = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw problem(text, "toxicity '" + value + "' is not a number");
    }
    if (!(t >= 0 && t <= 1)) {
      throw problem(text, "toxicity must be between 0 and 1, got " + value);
    }
    return t;
  }

  private static long parseWhole(String text, String key, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw problem(text, "parameter " + key + ": '" + value + "' is not a whole number");
    }
  }

  private static IllegalArgumentException problem(String text, String what) {
    return new IllegalArgumentException("toxic '" + text + "': " + what);
  }
}
