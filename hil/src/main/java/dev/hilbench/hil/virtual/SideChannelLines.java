package dev.hilbench.hil.virtual;

import dev.hilbench.hil.link.ModemLines;
import java.io.IOException;

/**
 * DTR and RTS of the virtual NodeMCU, driven through its side channel, so the same reset
 * strategies that drive a USB bridge run against its emulated auto-reset circuit. The side
 * channel sets both lines at once, so a one-line change sends the other line's current value.
 */
public final class SideChannelLines implements ModemLines {

  private final SideChannel channel;
  private boolean dtr;
  private boolean rts;

  public SideChannelLines(SideChannel channel) {
    this.channel = channel;
  }

  @Override
  public synchronized void setDtr(boolean asserted) throws IOException {
    channel.lines(asserted, rts);
    dtr = asserted;
  }

  @Override
  public synchronized void setRts(boolean asserted) throws IOException {
    channel.lines(dtr, asserted);
    rts = asserted;
  }

  @Override
  public synchronized void setDtrRts(boolean dtrAsserted, boolean rtsAsserted) throws IOException {
    channel.lines(dtrAsserted, rtsAsserted);
    dtr = dtrAsserted;
    rts = rtsAsserted;
  }
}
