package dev.hilbench.hil.reset;

import dev.hilbench.hil.link.ModemLines;
import java.io.IOException;
import java.time.Duration;

/**
 * esptool's classic reset into the bootloader: one line at a time. Relies on the capacitor on EN
 * to keep the chip in reset for the moment both lines are asserted between the steps.
 */
public record ClassicReset(Duration resetDelay) implements ResetStrategy {

  @Override
  public String name() {
    return "ClassicReset(" + resetDelay.toMillis() + " ms)";
  }

  @Override
  public void reset(ModemLines modemLines, Pauser pauser) throws IOException, InterruptedException {
    EsptoolLines lines = new EsptoolLines(modemLines);
    lines.dtr(false);                      // IO0 high: released
    lines.rts(true);                       // EN low: the chip is held in reset
    pauser.pause(Duration.ofMillis(100));  // long enough for EN's capacitor to discharge
    lines.dtr(true);                       // IO0 low (EN still low through its capacitor)
    lines.rts(false);                      // EN high: the chip starts and samples IO0 low → download mode
    pauser.pause(resetDelay);              // keep IO0 low while the ROM reads the strapping pins
    lines.dtr(false);                      // IO0 high again, free for the application
  }
}
