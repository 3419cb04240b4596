package dev.hilbench.hil.reset;

import dev.hilbench.hil.link.ModemLines;
import java.io.IOException;

/**
 * One way of resetting the board: a short sequence of line changes and pauses. Small objects
 * tried in turn, as esptool and espflash do, because no single sequence works with every
 * USB-serial chip, driver and capacitor.
 *
 * <p>On a NodeMCU (DTR → GPIO0, RTS → EN through two cross-coupled transistors): EN is low
 * (chip held in reset) only while DTR is released and RTS asserted; GPIO0 is low (download
 * mode if sampled) only while DTR is asserted and RTS released; both asserted or both released
 * leave the chip alone. EN going high samples GPIO0.
 */
public interface ResetStrategy {

  /** A short name for progress and error messages, e.g. "UnixTightReset(50 ms)". */
  String name();

  /**
   * Performs the sequence.
   *
   * @throws dev.hilbench.hil.link.LinesUnavailableException when the lines cannot be driven
   */
  void reset(ModemLines lines, Pauser pauser) throws IOException, InterruptedException;
}
