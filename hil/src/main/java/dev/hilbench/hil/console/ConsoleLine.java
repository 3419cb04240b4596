package dev.hilbench.hil.console;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * One line from the device, stamped when its end arrived. {@code number} counts from 0 for the
 * run. Bytes that are not text (boot noise at another baud rate) appear as {@code \xNN}.
 */
public record ConsoleLine(long number, Instant at, String text) {

  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

  /** "09:41:07.250  HB wifi up ip=10.0.0.7" */
  public String display() {
    return CLOCK.format(at) + "  " + text;
  }
}
