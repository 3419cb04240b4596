package dev.hilbench.features.dut.serial;

import dev.hilbench.features.target.Target;
import dev.hilbench.hil.console.Console;
import dev.hilbench.hil.console.Redactor;
import dev.hilbench.hil.link.ModemLines;
import dev.hilbench.hil.link.SerialLink;
import java.io.Closeable;
import java.io.IOException;

/**
 * What differs between a virtual NodeMCU and a real one beneath the serial console: how the board
 * is powered and reached, what drives its reset lines, and how the world around it (Wi-Fi, the
 * sensor) is changed. Everything above (configure, log, flash) is {@link SerialDut}'s.
 */
public interface Board extends Closeable {

  /** Where a board's firmware comes from when it boots. */
  enum Boot {
    /** What it runs now (the virtual board: its built-in sketch, with nothing flashed). */
    AS_IS,
    /** Its flash memory: for a scenario that flashes it (the virtual board starts with erased flash). */
    FROM_FLASH
  }

  Target target();

  /** Makes sure the board is powered and its port open; does nothing if it already is. */
  void open(Boot boot) throws IOException;

  SerialLink link();

  /** The reset lines (DTR/RTS) as esptool drives them. */
  ModemLines lines();

  WifiSettings wifi();

  /** Masks secrets in the console's transcript. */
  Redactor redactor();

  /** The network goes away: the board's connection dies without a FIN. */
  void wifiDown(Console console) throws IOException;

  void wifiUp(Console console) throws IOException;

  void setSensor(double temperature, double humidity) throws IOException;

  /** A few lines about the board for a failed scenario's report (its process log, say). */
  String notes();
}
