package dev.hilbench.hil.rom;

import dev.hilbench.hil.link.LinesUnavailableException;
import dev.hilbench.hil.link.ModemLines;
import dev.hilbench.hil.reset.Pauser;
import dev.hilbench.hil.reset.ResetPlan;
import dev.hilbench.hil.reset.ResetStrategy;
import java.io.IOException;
import java.time.Duration;

/**
 * Gets the chip into its bootloader and in step with us, as esptool's {@code connect}: each
 * attempt resets the board with the next strategy of the plan, then tries SYNC up to five times
 * (100 ms each, 50 ms apart). Seven attempts in all.
 *
 * <p>Where the lines cannot be driven (a pseudo-terminal) it says so once and goes on syncing,
 * for a chip already in download mode.
 */
public final class Connector {

  public static final int ATTEMPTS = 7;
  public static final int SYNCS_PER_ATTEMPT = 5;
  public static final Duration SYNC_PAUSE = Duration.ofMillis(50);
  /** The ROM answers SYNC several times (8 in all from the emulator, as esptool reads). */
  public static final int EXTRA_SYNC_REPLIES = 7;

  /** What a user watching a connect wants to see. */
  public interface Events {
    default void resetting(ResetStrategy strategy) {}

    default void linesUnavailable(String message) {}

    default void syncFailed() {}

    Events NONE = new Events() {};
  }

  private final RomConnection rom;
  private final ModemLines lines;
  private final ResetPlan plan;
  private final Pauser pauser;
  private final Events events;
  private final int attempts;

  public Connector(RomConnection rom, ModemLines lines, ResetPlan plan, Pauser pauser, Events events, int attempts) {
    this.rom = rom;
    this.lines = lines;
    this.plan = plan;
    this.pauser = pauser;
    this.events = events;
    this.attempts = attempts;
  }

  public Connector(RomConnection rom, ModemLines lines, ResetPlan plan, Events events) {
    this(rom, lines, plan, Pauser.REAL, events, ATTEMPTS);
  }

  public void connect() throws IOException, EspException, InterruptedException {
    rom.junk().clear();
    boolean linesWork = lines != null;
    boolean resetSkipped = false;
    EspException last = null;
    for (int attempt = 0; attempt < attempts; attempt++) {
      ResetStrategy strategy = plan.forAttempt(attempt);
      rom.discardInput();
      if (strategy != null && linesWork) {
        try {
          events.resetting(strategy);
          strategy.reset(lines, pauser);
        } catch (LinesUnavailableException e) {
          events.linesUnavailable(e.getMessage());
          linesWork = false;
          resetSkipped = true;
        }
      } else if (strategy != null) {
        resetSkipped = true;
      }
      for (int i = 0; i < SYNCS_PER_ATTEMPT; i++) {
        rom.discardInput();
        try {
          sync();
          return;
        } catch (EspException e) {
          last = e;
          events.syncFailed();
          pauser.pause(SYNC_PAUSE);
        }
      }
    }
    throw failure(last, resetSkipped);
  }

  private void sync() throws IOException, EspException {
    Response first = rom.command(Command.sync());
    if (!first.ok()) {
      throw new EspException("SYNC was refused (result was " + first.resultHex() + ")", Hints.NOISE);
    }
    for (int i = 0; i < EXTRA_SYNC_REPLIES; i++) {
      try {
        rom.awaitReply(Opcode.SYNC, rom.timeouts().sync());
      } catch (RomTimeoutException e) {
        break;   // fewer replies than the emulator sends: fine, the next command skips strays anyway
      }
    }
  }

  private EspException failure(EspException last, boolean resetSkipped) {
    JunkLog junk = rom.junk();
    String detail;
    String hint;
    String bootMode = junk.bootMode();
    if (junk.isEmpty()) {
      detail = "No serial data received.";
      hint = Hints.NOT_IN_BOOTLOADER;
    } else if (bootMode != null && !bootMode.startsWith("1,")) {
      detail = "Wrong boot mode detected (" + bootMode + ")! The chip needs to be in download mode.";
      hint = Hints.APP_RUNNING;
    } else if (junk.looksLikeText()) {
      detail = String.format("Invalid head of packet (0x%02X): the chip sent text, not bootloader replies: \"%s\"",
          junk.firstByte(), junk.tail(120));
      hint = Hints.APP_RUNNING;
    } else {
      detail = String.format("Invalid head of packet (0x%02X): Possible serial noise or corruption.", junk.firstByte());
      hint = Hints.NOISE;
    }
    if (resetSkipped) {
      hint = "the chip was NOT reset, since the lines cannot be driven here: it must already be in download"
          + " mode (start the virtual NodeMCU with --download, or pass --control HOST:PORT for its side"
          + " channel). Otherwise " + hint;
    }
    return new EspException("Failed to connect to ESP8266: " + detail, hint, last);
  }
}
