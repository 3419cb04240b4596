package dev.hilbench.server;

import dev.hilbench.protocol.Hello;
import dev.hilbench.protocol.Reading;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A test's TCP client, doing what a node does: say hello, send reading lines (whole, byte by byte,
 * or as raw bytes), read acknowledgements, close or reset. Blocking reads have a timeout. Public, with
 * what the forward tests use, so that every server test plays a node the same way.
 */
public final class Node implements AutoCloseable {

  private final Socket socket;
  private final OutputStream out;
  private final BufferedReader in;

  private Node(Socket socket) throws IOException {
    this.socket = socket;
    this.socket.setTcpNoDelay(true);
    this.out = socket.getOutputStream();
    this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
  }

  static Node connect(int port) throws IOException {
    return connectFrom("127.0.0.1", port);
  }

  /** Connects from a loopback address of our choice (any 127.x.y.z), so that tests can play several IPs. */
  public static Node connectFrom(String localIp, int port) throws IOException {
    Socket s = new Socket();
    try {
      s.bind(new InetSocketAddress(InetAddress.getByName(localIp), 0));
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
      return new Node(s);
    } catch (IOException e) {
      s.close();
      throw e;
    }
  }

  public Node hello(String device, String boot, boolean ack) throws IOException {
    return line(new Hello(device, "test-1.0", boot, ack).toLine());
  }

  Node reading(long seq, long millis, double temperature, double humidity) throws IOException {
    return line(new Reading(seq, millis, temperature, humidity).toLine());
  }

  /**
   * Readings seq from..to inclusive, in one write, millis 1000 per seq, CR LF as println ends them.
   * The temperature has a fraction, so that what is stored and forwarded is checked on a non-integer.
   */
  public Node readings(long from, long to) throws IOException {
    StringBuilder s = new StringBuilder();
    for (long seq = from; seq <= to; seq++) {
      s.append(new Reading(seq, 1000 * seq + 7, 20 + seq % 10 + 0.5, 40 + seq % 20).toLine()).append("\r\n");
    }
    return send(s.toString());
  }

  /** One line with CR LF, as Arduino's println sends it. */
  Node line(String text) throws IOException {
    return send(text + "\r\n");
  }

  Node send(String text) throws IOException {
    return send(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  Node send(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
    return this;
  }

  Node sendByteByByte(String text) throws IOException {
    for (byte b : text.getBytes(StandardCharsets.ISO_8859_1)) {
      out.write(b);
      out.flush(); // TCP_NODELAY: one segment per byte
    }
    return this;
  }

  /** Reads acknowledgement lines until one covers {@code seq}; returns the last one read. */
  public long awaitAck(long seq, Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      String line = readLine(deadline);
      if (line == null) {
        throw new IOException("the server closed the connection before acknowledging " + seq);
      }
      if (!line.startsWith("#ack ")) {
        throw new IOException("expected an acknowledgement, got: " + line);
      }
      long acked = Long.parseLong(line.substring(5));
      if (acked >= seq) {
        return acked;
      }
    }
  }

  /** The next line from the server, null at end of stream. */
  String readLine(Duration timeout) throws IOException {
    return readLine(System.nanoTime() + timeout.toNanos());
  }

  private String readLine(long deadlineNanos) throws IOException {
    long left = Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000);
    socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
    try {
      return in.readLine();
    } catch (SocketTimeoutException e) {
      throw new SocketTimeoutException("no line from the server within the timeout");
    }
  }

  /** The next line from the server, or null if none comes within {@code timeout}. */
  String lineWithin(Duration timeout) throws IOException {
    try {
      return readLine(timeout);
    } catch (SocketTimeoutException e) {
      return null;
    }
  }

  /** Whether the server closed the connection (end of stream or reset) within {@code timeout}. */
  boolean closedByServer(Duration timeout) throws IOException {
    socket.setSoTimeout((int) timeout.toMillis());
    try {
      while (true) {
        String line = in.readLine();
        if (line == null) {
          return true;
        }
      }
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // reset
    }
  }

  /** Half-close: no more lines from us, but acknowledgements may still come. */
  void shutdownOutput() throws IOException {
    socket.shutdownOutput();
  }

  /** Closes with a TCP reset (RST) instead of FIN, as a node losing power mid-line looks after a while. */
  void reset() throws IOException {
    socket.setSoLinger(true, 0);
    socket.close();
  }

  String localAddress() {
    return socket.getLocalAddress().getHostAddress() + ":" + socket.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
