package dev.hilbench.hil.flash;

import dev.hilbench.hil.reset.ResetPlan;

/** {@code --before}: how to get the chip into its bootloader (esptool's names). */
public enum Before {
  /** The DTR/RTS sequences esptool tries, in its order. */
  DEFAULT_RESET,
  /** Nothing: the chip is already in download mode (FLASH held during reset, or the virtual board's --download). */
  NO_RESET;

  public ResetPlan plan() {
    return this == DEFAULT_RESET ? ResetPlan.esptoolDefault() : ResetPlan.none();
  }
}
