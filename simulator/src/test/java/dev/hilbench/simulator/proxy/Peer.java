package dev.hilbench.simulator.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One end of a test connection (a client of the proxy, or the upstream's side of a link), with
 * reads that record what the wire delivered: each read's size, when it came, how the stream
 * ended. Every read has a timeout, so a test never hangs.
 */
final class Peer implements AutoCloseable {

  static final Duration READ_LIMIT = Duration.ofSeconds(5);

  /** How a stream ended, as seen by a reader. */
  enum Ending { EOF, RESET }

  private final Socket socket;

  Peer(Socket socket) throws IOException {
    this.socket = socket;
    socket.setTcpNoDelay(true);
    socket.setSoTimeout((int) READ_LIMIT.toMillis());
  }

  static Peer connect(InetSocketAddress address) throws IOException {
    Socket s = new Socket();
    s.connect(address, (int) READ_LIMIT.toMillis());
    return new Peer(s);
  }

  Socket socket() {
    return socket;
  }

  void send(byte[] data) throws IOException {
    socket.getOutputStream().write(data);
  }

  void send(String text) throws IOException {
    send(text.getBytes(StandardCharsets.US_ASCII));
  }

  /** Exactly {@code n} bytes; fails if the stream ends first. */
  byte[] readExactly(int n) throws IOException {
    byte[] data = socket.getInputStream().readNBytes(n);
    assertEquals(n, data.length, "the stream ended after " + data.length + " of " + n + " bytes");
    return data;
  }

  String readText(int n) throws IOException {
    return new String(readExactly(n), StandardCharsets.US_ASCII);
  }

  /** Reads until {@code total} bytes came, one entry per read as the socket delivered them. */
  List<byte[]> readPieces(int total) throws IOException {
    List<byte[]> pieces = new ArrayList<>();
    byte[] buffer = new byte[64 * 1024];
    InputStream in = socket.getInputStream();
    for (int got = 0; got < total; ) {
      int n = in.read(buffer, 0, Math.min(buffer.length, total - got));
      if (n < 0) {
        fail("the stream ended after " + got + " of " + total + " bytes");
      }
      pieces.add(Arrays.copyOf(buffer, n));
      got += n;
    }
    return pieces;
  }

  /** Reads everything up to the end of the stream; fails on a reset or a timeout. */
  byte[] readToEnd() throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    socket.getInputStream().transferTo(all);
    return all.toByteArray();
  }

  /** Reads on until the stream ends, and says how; bytes before the end are discarded. */
  Ending awaitEnding() throws IOException {
    InputStream in = socket.getInputStream();
    byte[] buffer = new byte[4096];
    try {
      while (in.read(buffer) >= 0) {
        // Bytes still in flight before the end.
      }
      return Ending.EOF;
    } catch (SocketTimeoutException e) {
      throw e;
    } catch (SocketException e) {
      return Ending.RESET;
    }
  }

  /** Fails if a byte or the end of the stream arrives within {@code quiet}. */
  void assertSilentFor(Duration quiet, String why) throws IOException {
    socket.setSoTimeout((int) quiet.toMillis());
    try {
      int b = socket.getInputStream().read();
      fail(why + ": expected silence for " + quiet.toMillis() + " ms, got " + (b < 0 ? "the end of the stream (FIN)" : "a byte"));
    } catch (SocketTimeoutException expected) {
      // Silence, as wanted.
    } finally {
      socket.setSoTimeout((int) READ_LIMIT.toMillis());
    }
  }

  /** Closes with SO_LINGER 0: the other side gets a reset. */
  void reset() throws IOException {
    socket.setSoLinger(true, 0);
    socket.close();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
