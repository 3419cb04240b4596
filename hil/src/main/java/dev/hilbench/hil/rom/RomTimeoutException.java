package dev.hilbench.hil.rom;

/** No (complete) reply within the command's timeout. */
public final class RomTimeoutException extends EspException {

  public RomTimeoutException(String message, String hint) {
    super(message, hint);
  }
}
