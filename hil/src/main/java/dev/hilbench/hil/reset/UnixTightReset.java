package dev.hilbench.hil.reset;

import dev.hilbench.hil.link.ModemLines;
import java.io.IOException;
import java.time.Duration;

/**
 * esptool's tight reset (v4.5+, the first tried on Unix): each step sets both lines in one
 * ioctl, so no unintended intermediate state reaches the transistors.
 */
public record UnixTightReset(Duration resetDelay) implements ResetStrategy {

  @Override
  public String name() {
    return "UnixTightReset(" + resetDelay.toMillis() + " ms)";
  }

  @Override
  public void reset(ModemLines modemLines, Pauser pauser) throws IOException, InterruptedException {
    EsptoolLines lines = new EsptoolLines(modemLines);
    lines.both(false, false);              // both released: EN high, IO0 high, a known start
    lines.both(true, true);                // both asserted: the transistors cancel, nothing moves
    lines.both(false, true);               // EN low: the chip is held in reset, IO0 high
    pauser.pause(Duration.ofMillis(100));  // hold reset
    lines.both(true, false);               // EN high and IO0 low together: the chip starts in download mode
    pauser.pause(resetDelay);              // keep IO0 low while the ROM reads the strapping pins
    lines.both(false, false);              // both released: IO0 high, EN stays high
    lines.dtr(false);                      // DTR once more on its own, as esptool does
  }
}
