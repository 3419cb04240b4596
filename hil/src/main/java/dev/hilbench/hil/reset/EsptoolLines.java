package dev.hilbench.hil.reset;

import dev.hilbench.hil.link.ModemLines;
import java.io.IOException;

/**
 * Drives DTR and RTS exactly as esptool does, including its quirk: after every RTS change the
 * current DTR value is written again (a workaround for Windows' usbser.sys, which otherwise
 * loses DTR; harmless elsewhere and kept so every platform sees the same sequence).
 */
final class EsptoolLines {

  private final ModemLines lines;
  private boolean dtr;

  EsptoolLines(ModemLines lines) {
    this.lines = lines;
  }

  void dtr(boolean asserted) throws IOException {
    lines.setDtr(asserted);
    dtr = asserted;
  }

  void rts(boolean asserted) throws IOException {
    lines.setRts(asserted);
    lines.setDtr(dtr);
  }

  void both(boolean dtrAsserted, boolean rtsAsserted) throws IOException {
    lines.setDtrRts(dtrAsserted, rtsAsserted);
    dtr = dtrAsserted;
  }
}
