package dev.hilbench.hil.flash;

/** {@code --after}: what the chip does once hilbench is done with the bootloader (esptool's names). */
public enum After {
  /** Pulse EN through RTS with IO0 high: the chip boots the application. */
  HARD_RESET,
  /** FLASH_BEGIN(0,0) + FLASH_END(run): the ROM jumps to the flashed code, no lines needed. */
  SOFT_RESET,
  /** Stay in the bootloader. */
  NO_RESET
}
