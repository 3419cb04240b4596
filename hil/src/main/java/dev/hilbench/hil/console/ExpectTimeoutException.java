package dev.hilbench.hil.console;

/** What was expected did not show up in time; the message has the pattern, the last lines and the transcript. */
public final class ExpectTimeoutException extends ConsoleException {

  public ExpectTimeoutException(String message) {
    super(message);
  }
}
