package dev.hilbench.server.forward;

import dev.hilbench.protocol.Hello;
import dev.hilbench.protocol.Reading;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A node on a real TCP socket, as in the server's own tests ({@code dev.hilbench.server.Node}, which
 * is package-private there): hello, reading lines with CR LF, acknowledgements.
 */
final class TestNode implements AutoCloseable {

  private final Socket socket;
  private final OutputStream out;
  private final BufferedReader in;

  private TestNode(Socket socket) throws IOException {
    this.socket = socket;
    socket.setTcpNoDelay(true);
    this.out = socket.getOutputStream();
    this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
  }

  /** Connects from {@code localIp} (any 127.x.y.z), so that a test can play a classroom node with its own address. */
  static TestNode connect(String localIp, int port) throws IOException {
    Socket s = new Socket();
    try {
      s.bind(new InetSocketAddress(InetAddress.getByName(localIp), 0));
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
      return new TestNode(s);
    } catch (IOException e) {
      s.close();
      throw e;
    }
  }

  TestNode hello(String device, String boot, boolean ack) throws IOException {
    return send(new Hello(device, "test-1.0", boot, ack).toLine() + "\r\n");
  }

  /** Readings seq from..to inclusive in one write; millis and values derived from seq. */
  TestNode readings(long from, long to) throws IOException {
    StringBuilder s = new StringBuilder();
    for (long seq = from; seq <= to; seq++) {
      s.append(new Reading(seq, 1000 * seq + 7, 20 + seq % 10 + 0.5, 40 + seq % 20).toLine()).append("\r\n");
    }
    return send(s.toString());
  }

  private TestNode send(String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return this;
  }

  /** Reads {@code #ack} lines until one covers {@code seq}. */
  void awaitAck(long seq, Duration timeout) throws IOException {
    socket.setSoTimeout((int) timeout.toMillis());
    while (true) {
      String line = in.readLine();
      if (line == null) {
        throw new IOException("the server closed the connection before acknowledging " + seq);
      }
      if (line.startsWith("#ack ") && Long.parseLong(line.substring(5)) >= seq) {
        return;
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
