package dev.hilbench.hil.virtual;

import java.io.IOException;

/** The virtual NodeMCU refused a side-channel command ({@code err <reason>}). */
public final class SideChannelException extends IOException {

  public SideChannelException(String command, String reason) {
    super("virtual NodeMCU refused '" + command + "': " + reason);
  }
}
