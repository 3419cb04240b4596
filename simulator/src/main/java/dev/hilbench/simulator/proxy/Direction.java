package dev.hilbench.simulator.proxy;

import java.util.Locale;

/** Which way the bytes of a link flow, as Toxiproxy's {@code stream}. */
public enum Direction {
  /** Client to server: from the node to the hilbench server (readings, hello). */
  UPSTREAM,
  /** Server to client: from the hilbench server back to the node (acknowledgements). */
  DOWNSTREAM;

  /** {@code upstream} or {@code downstream}, as written on a command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code upstream}/{@code downstream} (also {@code up}/{@code down}), any case. */
  public static Direction parse(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "upstream", "up" -> UPSTREAM;
      case "downstream", "down" -> DOWNSTREAM;
      default -> throw new IllegalArgumentException("stream '" + text + "' is not upstream or downstream");
    };
  }
}
