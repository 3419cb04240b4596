package dev.hilbench.simulator.proxy;

import java.util.Locale;

/** Which way the bytes of a link flow: a toxic's {@code stream} (upstream or downstream), as Toxiproxy's. */
public enum Direction {
  /** Client to server: from the node to the hilbench server (readings, hello). */
  UPSTREAM,
  /** Server to client: from the hilbench server back to the node (acknowledgements). */
  DOWNSTREAM;

  /** {@code upstream} or {@code downstream}, as written on a command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
