package dev.hilbench.hil.link;

import java.io.IOException;

/**
 * The port has no modem lines to drive: a pseudo-terminal (the kernel answers ENOTTY), or a
 * replayed session. Callers report it and go on, as esptool ≥ 4.8 does ("Chip was NOT reset").
 */
public final class LinesUnavailableException extends IOException {

  public LinesUnavailableException(String port) {
    super("lines cannot be driven on a pseudo-terminal (" + port + ")");
  }
}
