package dev.hilbench.hil.rom;

import java.util.Optional;

/**
 * A failure talking to the chip, worded as esptool words it (so bench users recognise it) and
 * with a hint at the usual fix.
 */
public class EspException extends Exception {

  private final String hint;

  public EspException(String message, String hint) {
    super(message);
    this.hint = hint;
  }

  public EspException(String message, String hint, Throwable cause) {
    super(message, cause);
    this.hint = hint;
  }

  public Optional<String> hint() {
    return Optional.ofNullable(hint);
  }

  /** The message followed by the hint, for a log line or a test failure. */
  public String describe() {
    return hint == null ? getMessage() : getMessage() + "\nHint: " + hint;
  }
}
