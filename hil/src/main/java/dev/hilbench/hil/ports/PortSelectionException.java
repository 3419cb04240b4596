package dev.hilbench.hil.ports;

/** No port, or more than one, matches what the user asked for; the message lists what is there. */
public final class PortSelectionException extends Exception {

  public PortSelectionException(String message) {
    super(message);
  }
}
