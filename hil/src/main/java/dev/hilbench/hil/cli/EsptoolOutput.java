package dev.hilbench.hil.cli;

import dev.hilbench.hil.flash.EspSession;
import dev.hilbench.hil.reset.ResetStrategy;
import dev.hilbench.hil.rom.ChipInfo;
import java.io.PrintWriter;

/** Prints a session the way esptool does, so bench users see what they know. */
final class EsptoolOutput implements EspSession.Events {

  private final PrintWriter out;
  private final PrintWriter err;
  private boolean connecting;

  EsptoolOutput(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  void connecting(String port) {
    out.print("Serial port " + port + "\nConnecting...");
    out.flush();
    connecting = true;
  }

  @Override
  public void resetting(ResetStrategy strategy) {
    // esptool prints nothing per strategy; the dots and underscores say enough
  }

  @Override
  public void syncFailed() {
    out.print('.');
    out.flush();
  }

  @Override
  public void linesUnavailable(String message) {
    endConnectingLine();
    err.println("Warning: " + message);
    err.flush();
  }

  @Override
  public void connected(ChipInfo chip) {
    endConnectingLine();
    out.println("Chip is " + chip.chipType());
    out.println("Features: WiFi");
    out.println("Crystal is " + chip.crystalMhz() + "MHz");
    out.println("MAC: " + chip.macText());
    out.flush();
  }

  @Override
  public void note(String text) {
    endConnectingLine();
    out.println(text);
    out.flush();
  }

  void endConnectingLine() {
    if (connecting) {
      out.println();
      connecting = false;
    }
  }
}
