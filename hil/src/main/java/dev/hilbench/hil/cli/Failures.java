package dev.hilbench.hil.cli;

import dev.hilbench.hil.rom.EspException;
import java.io.PrintWriter;

/** How the hil commands report a failed run: esptool's words, then the hint; exit status 1. */
final class Failures {

  static final int FAILED = 1;
  static final int USAGE = 2;

  private Failures() {}

  static int report(PrintWriter err, EspException e) {
    err.println();
    err.println("A fatal error occurred: " + e.getMessage());
    e.hint().ifPresent(h -> err.println("Hint: " + h));
    err.flush();
    return FAILED;
  }

  static int report(PrintWriter err, String message) {
    err.println("hilbench: " + message);
    err.flush();
    return FAILED;
  }
}
