package dev.hilbench.simulator.proxy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A free port below Linux's ephemeral range (32768+), for a proxy a test takes down and brings
 * up again on the same port: while it is down, a client's connection could otherwise be given
 * that very port as its source and the proxy could not bind it again (the design notes' rule).
 */
final class LowPorts {

  private LowPorts() {}

  static InetSocketAddress freeLoopbackAddress() throws IOException {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    for (int attempt = 0; attempt < 50; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(20_000, 32_768);
      try (ServerSocket probe = new ServerSocket()) {
        probe.setReuseAddress(true);
        probe.bind(new InetSocketAddress(loopback, port));
        return new InetSocketAddress(loopback, port);
      } catch (IOException taken) {
        // In use: try another.
      }
    }
    throw new IOException("no free port found in 20000..32767 after 50 attempts");
  }
}
