package dev.hilbench.hil.rom;

import java.time.Duration;

/**
 * How long to wait for the reply to each command type: timeouts belong to the command, as in
 * esptool (loader.py) and espflash (CommandType). Erase and write scale with the size they
 * touch, with a floor. A copy scaled down makes tests of the timeout paths fast.
 */
public record CommandTimeouts(
    Duration defaultTimeout, Duration sync, Duration memEnd, Duration erasePerMb, Duration writePerMb) {

  /** esptool's values: 3 s default, 100 ms SYNC, 200 ms MEM_END on the ROM, 40 s/MB. */
  public static final CommandTimeouts ESPTOOL = new CommandTimeouts(
      Duration.ofSeconds(3), Duration.ofMillis(100), Duration.ofMillis(200),
      Duration.ofSeconds(40), Duration.ofSeconds(40));

  public Duration forCommand(Command command) {
    return switch (command.opcode()) {
      case SYNC -> sync;
      case MEM_END -> memEnd;
      // FLASH_BEGIN erases before it replies: max(3 s, 40 s/MB × the size written, blocks × block size),
      // as esptool (the erase size sent is smaller, a workaround for the ROM's erase bug).
      case FLASH_BEGIN -> perMegabyte(erasePerMb,
          Integer.toUnsignedLong(command.word(1)) * Integer.toUnsignedLong(command.word(2)));
      case FLASH_DATA -> perMegabyte(writePerMb, command.data().length - Command.DATA_HEADER);
      default -> defaultTimeout;
    };
  }

  private Duration perMegabyte(Duration perMb, long bytes) {
    Duration scaled = Duration.ofNanos((long) (perMb.toNanos() * (bytes / 1e6)));
    return scaled.compareTo(defaultTimeout) > 0 ? scaled : defaultTimeout;
  }

  /** The same timeouts divided by {@code factor}, for tests of timeout paths. */
  public CommandTimeouts dividedBy(long factor) {
    return new CommandTimeouts(defaultTimeout.dividedBy(factor), sync.dividedBy(factor),
        memEnd.dividedBy(factor), erasePerMb.dividedBy(factor), writePerMb.dividedBy(factor));
  }
}
