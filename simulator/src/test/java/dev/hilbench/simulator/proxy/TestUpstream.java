package dev.hilbench.simulator.proxy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** A plain TCP server on 127.0.0.1 and a free port, standing where the hilbench server would. */
final class TestUpstream implements AutoCloseable {

  private final ServerSocket server;

  TestUpstream() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    server.setSoTimeout((int) Peer.READ_LIMIT.toMillis());
  }

  InetSocketAddress address() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
  }

  /** The next connection the proxy made; fails after {@link Peer#READ_LIMIT}. */
  Peer accept() throws IOException {
    return new Peer(server.accept());
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
