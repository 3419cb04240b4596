package dev.hilbench.hil.cli;

import dev.hilbench.hil.flash.After;
import dev.hilbench.hil.flash.Before;
import dev.hilbench.hil.flash.EspSession;
import dev.hilbench.hil.ports.PortSelectionException;
import dev.hilbench.hil.rom.EspException;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * What every command talking to the ESP8266 ROM bootloader does around its own work, as esptool
 * does it: open the port, connect (reset into the bootloader per --before), do the work, say
 * "Leaving..." and leave the chip per --after; a failure reported in esptool's words with a hint.
 * One place, so that chip-id and flash connect, leave and fail alike.
 */
final class RomSessionCommand {

  /** The command's own part, between connecting and leaving. */
  @FunctionalInterface
  interface Work {
    void run(EspSession session, EsptoolOutput events) throws IOException, EspException, InterruptedException;
  }

  private RomSessionCommand() {}

  /** Runs {@code work} on a connected session; returns the exit status (0, or {@link Failures#FAILED}). */
  static int run(PortOptions portOptions, Before before, After after, PrintWriter out, PrintWriter err, Work work)
      throws InterruptedException {
    EsptoolOutput events = new EsptoolOutput(out, err);
    try (OpenedPort port = OpenedPort.open(portOptions)) {
      events.connecting(port.info.path());
      EspSession session = EspSession.connect(port.link, EspSession.Setup.esptool(port.lines, before), events);
      work.run(session, events);
      out.println("Leaving...");
      session.leave(after);
      out.flush();
      return 0;
    } catch (EspException e) {
      events.endConnectingLine();
      return Failures.report(err, e);
    } catch (PortSelectionException e) {
      return Failures.report(err, e.getMessage());
    } catch (IOException e) {
      events.endConnectingLine();
      return Failures.report(err, e.getMessage());
    }
  }
}
