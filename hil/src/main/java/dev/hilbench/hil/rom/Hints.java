package dev.hilbench.hil.rom;

/** The fixes bench users know from esptool's troubleshooting page, in one place. */
public final class Hints {

  public static final String NOT_IN_BOOTLOADER =
      "the chip did not answer as the bootloader. Check the USB cable (a charge-only cable has no data"
          + " wires) and the USB-serial driver; or hold the FLASH button while pressing RST to enter the"
          + " bootloader by hand and retry with `--before no-reset`.";

  public static final String APP_RUNNING =
      "the application is running instead of the bootloader: the auto-reset did not pull IO0 low."
          + " Hold FLASH while pressing RST, then retry with `--before no-reset`.";

  public static final String NOISE =
      "the serial data was corrupted: try a shorter or better USB cable, another USB port, or a"
          + " lower baud rate.";

  public static final String WRONG_CHIP =
      "hilbench flashes the ESP8266 (NodeMCU) only; use esptool for other Espressif chips.";

  public static final String TIMEOUT_DURING_WRITE =
      "the chip stopped answering while writing: check the cable and the power supply (flash writes"
          + " draw current), then retry.";

  private Hints() {}
}
