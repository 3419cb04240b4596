package dev.hilbench.cli.receiver;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * A port for a receiver that restarts on the same port: below 32768, outside Linux's ephemeral
 * range, so that no node's own connection can take it while the receiver is down; checked free
 * by binding it first. Shared by the demo and the restart experiment.
 */
public final class FreePort {

  public static final int LOW = 20_000;
  public static final int HIGH = 32_000;

  private FreePort() {}

  /** A free port on {@code host} in [20000, 32000), starting at a place that differs per process. */
  public static int below32768(String host) throws IOException {
    int span = HIGH - LOW;
    int start = (int) (ProcessHandle.current().pid() * 7919 % span);
    for (int i = 0; i < span; i++) {
      int port = LOW + (start + i) % span;
      try (ServerSocket probe = new ServerSocket()) {
        probe.bind(new InetSocketAddress(host, port));
        return port;
      } catch (IOException taken) {
        // taken by another process: try the next one
      }
    }
    throw new IOException("no free port between " + LOW + " and " + HIGH + " on " + host);
  }
}
