package dev.hilbench.hil.console;

/** The console stopped: closed by us, or its reader failed (the cause says how). */
public final class ConsoleClosedException extends ConsoleException {

  public ConsoleClosedException(String message, Throwable cause) {
    super(message, cause);
  }
}
