package dev.hilbench.features.dut;

import java.io.IOException;

/** Flashing an image did not happen: refused before writing, or the chip did not cooperate. */
public final class FlashFailedException extends IOException {

  public FlashFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
