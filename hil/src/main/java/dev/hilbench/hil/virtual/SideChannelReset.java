package dev.hilbench.hil.virtual;

import dev.hilbench.hil.link.ModemLines;
import dev.hilbench.hil.reset.Pauser;
import dev.hilbench.hil.reset.ResetStrategy;
import java.io.IOException;

/**
 * A reset the virtual NodeMCU performs itself on request ({@code reset download|run}), with no
 * line sequence: the direct way when the auto-reset circuit is not what is being tested.
 */
public record SideChannelReset(SideChannel channel, boolean download) implements ResetStrategy {

  public static SideChannelReset intoDownload(SideChannel channel) {
    return new SideChannelReset(channel, true);
  }

  public static SideChannelReset intoApp(SideChannel channel) {
    return new SideChannelReset(channel, false);
  }

  @Override
  public String name() {
    return download ? "side channel: reset download" : "side channel: reset run";
  }

  @Override
  public void reset(ModemLines ignored, Pauser pauser) throws IOException {
    if (download) {
      channel.resetDownload();
    } else {
      channel.resetRun();
    }
  }
}
