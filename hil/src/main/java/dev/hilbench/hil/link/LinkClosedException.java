package dev.hilbench.hil.link;

import java.io.IOException;

/** The port went away under us: unplugged, the virtual NodeMCU ended, or closed by this program. */
public final class LinkClosedException extends IOException {

  public LinkClosedException(String message) {
    super(message);
  }
}
