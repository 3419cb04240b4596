package dev.hilbench.hil.reset;

import dev.hilbench.hil.link.ModemLines;
import java.io.IOException;
import java.time.Duration;

/** A plain reset into the application (esptool's {@code --after hard-reset}): pulse EN with IO0 high. */
public record HardReset() implements ResetStrategy {

  @Override
  public String name() {
    return "HardReset";
  }

  @Override
  public void reset(ModemLines modemLines, Pauser pauser) throws IOException, InterruptedException {
    EsptoolLines lines = new EsptoolLines(modemLines);
    lines.dtr(false);                      // IO0 high, so the chip boots from flash (and RTS alone can reset)
    lines.rts(true);                       // EN low: the chip is held in reset
    pauser.pause(Duration.ofMillis(100));  // hold reset
    lines.rts(false);                      // EN high: the chip starts and boots the application
  }
}
