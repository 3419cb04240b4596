package dev.hilbench.hil.console;

/** The device answered a command with {@code ERR <command>: <reason>}. */
public final class CommandFailedException extends ConsoleException {

  private final String reply;

  public CommandFailedException(String command, String reply) {
    super("the device refused '" + command + "': " + reply);
    this.reply = reply;
  }

  /** The whole {@code ERR ...} line. */
  public String reply() {
    return reply;
  }
}
