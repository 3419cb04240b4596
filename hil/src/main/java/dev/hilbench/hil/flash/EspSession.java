package dev.hilbench.hil.flash;

import dev.hilbench.hil.link.LinesUnavailableException;
import dev.hilbench.hil.link.ModemLines;
import dev.hilbench.hil.link.SerialLink;
import dev.hilbench.hil.reset.HardReset;
import dev.hilbench.hil.reset.Pauser;
import dev.hilbench.hil.reset.ResetPlan;
import dev.hilbench.hil.rom.ChipInfo;
import dev.hilbench.hil.rom.CommandTimeouts;
import dev.hilbench.hil.rom.Connector;
import dev.hilbench.hil.rom.Esp8266Rom;
import dev.hilbench.hil.rom.EspException;
import dev.hilbench.hil.rom.FlashId;
import dev.hilbench.hil.rom.RomConnection;
import java.io.IOException;

/**
 * A conversation with an ESP8266's ROM bootloader, from connect to leave: what {@code flash} and
 * {@code chip-id} (and a test's "flash the board") do, with the port, the lines and the
 * timeouts passed in. The caller owns the link (pause a console on it first).
 */
public final class EspSession {

  /** Where the session's steps are reported; the command line prints them esptool-style. */
  public interface Events extends Connector.Events {
    default void connected(ChipInfo chip) {}

    default void note(String text) {}

    /** Reports nothing. */
    Events QUIET = new Events() {};
  }

  /** How to connect: the lines to drive, the resets to try, the timeouts and attempts. */
  public record Setup(ModemLines lines, ResetPlan before, CommandTimeouts timeouts, int attempts, Pauser pauser) {

    /** esptool's defaults over the given lines (null when there are none to drive). */
    public static Setup esptool(ModemLines lines, Before before) {
      return new Setup(lines, before.plan(), CommandTimeouts.ESPTOOL, Connector.ATTEMPTS, Pauser.REAL);
    }

    public Setup withPlan(ResetPlan plan) {
      return new Setup(lines, plan, timeouts, attempts, pauser);
    }

    public Setup withTimeouts(CommandTimeouts newTimeouts, int newAttempts) {
      return new Setup(lines, before, newTimeouts, newAttempts, pauser);
    }
  }

  private final Esp8266Rom chip;
  private final ChipInfo info;
  private final Setup setup;
  private final Events events;
  private boolean attached;

  private EspSession(Esp8266Rom chip, ChipInfo info, Setup setup, Events events) {
    this.chip = chip;
    this.info = info;
    this.setup = setup;
    this.events = events;
  }

  /** Resets into the bootloader, syncs, checks the chip is an ESP8266 and reads its identity. */
  public static EspSession connect(SerialLink link, Setup setup, Events events)
      throws IOException, EspException, InterruptedException {
    RomConnection rom = new RomConnection(link, setup.timeouts());
    new Connector(rom, setup.lines(), setup.before(), setup.pauser(), events, setup.attempts()).connect();
    Esp8266Rom chip = Esp8266Rom.detect(rom);
    ChipInfo info = chip.readChipInfo();
    events.connected(info);
    return new EspSession(chip, info, setup, events);
  }

  public ChipInfo chipInfo() {
    return info;
  }

  public Esp8266Rom chip() {
    return chip;
  }

  public FlashId flashId() throws IOException, EspException {
    attach();
    return chip.readFlashId();
  }

  public FlashResult write(FlashPlan plan, Flasher.Progress progress) throws IOException, EspException {
    plan.notes().forEach(events::note);
    attached = true;   // FLASH_BEGIN attaches the flash as it starts the write
    return Flasher.write(chip, plan, progress);
  }

  /**
   * Leaves the bootloader as asked. A hard reset where the lines cannot be driven is reported
   * and skipped: the chip then stays in the bootloader.
   */
  public void leave(After after) throws IOException, EspException, InterruptedException {
    switch (after) {
      case HARD_RESET -> {
        if (setup.lines() == null) {
          events.linesUnavailable("no lines to drive: the chip was NOT reset and stays in the bootloader");
          return;
        }
        try {
          events.note("Hard resetting via RTS pin...");
          new HardReset().reset(setup.lines(), setup.pauser());
        } catch (LinesUnavailableException e) {
          events.linesUnavailable(e.getMessage() + ": the chip was NOT reset and stays in the bootloader"
              + " (use --after soft-reset, or --control HOST:PORT for the virtual NodeMCU)");
        }
      }
      case SOFT_RESET -> {
        events.note("Soft resetting: running the flashed code...");
        chip.runUserCode();
      }
      case NO_RESET -> events.note("Staying in bootloader.");
    }
  }

  private void attach() throws IOException, EspException {
    if (!attached) {
      chip.attachFlash();
      attached = true;
    }
  }
}
