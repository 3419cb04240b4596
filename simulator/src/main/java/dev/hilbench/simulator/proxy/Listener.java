package dev.hilbench.simulator.proxy;

import dev.hilbench.simulator.net.HostPort;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The proxy's listening socket and its accept loop. {@code down} closes it and {@code up} opens a
 * new one on the same port, so clients are refused in between, as by a server that is not there.
 */
final class Listener {

  private static final int BACKLOG = 128;
  private static final Duration STOP_LIMIT = Duration.ofSeconds(5);

  private final ServerSocket socket;
  private final Thread loop;

  private Listener(ServerSocket socket, Consumer<Socket> clients, Consumer<ProxyEvent> events) {
    this.socket = socket;
    this.loop = Thread.ofVirtual().name("proxy-accept-" + socket.getLocalPort())
        .start(() -> acceptLoop(clients, events));
  }

  /** Listens on {@code address} and hands every accepted client to {@code clients}. */
  static Listener open(InetSocketAddress address, Consumer<Socket> clients, Consumer<ProxyEvent> events)
      throws IOException {
    ServerSocket ss = new ServerSocket();
    try {
      ss.setReuseAddress(true); // up again at once, whatever TIME_WAIT the last links left
      ss.bind(address, BACKLOG);
    } catch (IOException e) {
      ss.close();
      throw new IOException("cannot listen on " + HostPort.format(address) + ": " + e.getMessage(), e);
    }
    return new Listener(ss, clients, events);
  }

  /** The port, also once closed. */
  int port() {
    return socket.getLocalPort();
  }

  /**
   * Stops listening and waits for the accept loop to end: closing a socket that a thread is
   * accepting on completes only once that thread wakes up, and until then the kernel would still
   * complete new connections.
   */
  void close() throws IOException {
    socket.close();
    boolean interrupted = false;
    try {
      while (true) {
        try {
          if (!loop.join(STOP_LIMIT)) {
            throw new IllegalStateException("the accept loop on port " + port() + " did not stop within " + STOP_LIMIT);
          }
          return;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void acceptLoop(Consumer<Socket> clients, Consumer<ProxyEvent> events) {
    while (!socket.isClosed()) {
      try {
        clients.accept(socket.accept());
      } catch (IOException e) {
        if (socket.isClosed()) {
          return; // down or closed: the expected way out
        }
        events.accept(new ProxyEvent(ProxyEvent.Kind.ACCEPT_FAILED, 0, e.toString()));
        pauseAfterFailure();
      }
    }
  }

  /** Out of file descriptors, accept fails at once, again and again: do not spin on it. */
  private static void pauseAfterFailure() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
