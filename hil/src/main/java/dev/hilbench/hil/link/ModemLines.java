package dev.hilbench.hil.link;

import java.io.IOException;

/**
 * The two modem-control lines of a USB-serial bridge. On a NodeMCU they are wired through two
 * transistors to the chip: DTR to GPIO0 (boot mode), RTS to EN (reset). {@code true} means
 * asserted, which is 0 V on the wire (the lines are active-low), as pyserial's {@code dtr=True}.
 *
 * <p>Implemented by a serial port (real lines) and by the virtual NodeMCU's side channel (the
 * same sequences applied to its emulated auto-reset circuit).
 */
public interface ModemLines {

  void setDtr(boolean asserted) throws IOException;

  void setRts(boolean asserted) throws IOException;

  /** Both lines in one operation (one {@code TIOCMSET}), as esptool's tight reset needs. */
  void setDtrRts(boolean dtr, boolean rts) throws IOException;
}
