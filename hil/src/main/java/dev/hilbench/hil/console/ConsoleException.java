package dev.hilbench.hil.console;

/** A console expectation or command that failed; the message is meant for a test report. */
public class ConsoleException extends RuntimeException {

  public ConsoleException(String message) {
    super(message);
  }

  public ConsoleException(String message, Throwable cause) {
    super(message, cause);
  }
}
