package dev.hilbench.hil.virtual;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The virtual NodeMCU's control connection: the wires a pseudo-terminal lacks (DTR/RTS, reset)
 * and the world around the board (Wi-Fi, the DHT11). One text command a line; the reply is
 * {@code ok ...} or {@code err <reason>}. Commands are sent one at a time.
 */
public final class SideChannel implements Closeable {

  /** {@code status}: {@code ok mode=app boot=3 wifi=up version=1.2.0}. */
  public record Status(String mode, int boot, String wifi, String version, Map<String, String> fields) {

    static Status parse(String reply) {
      Map<String, String> fields = new LinkedHashMap<>();
      for (String part : reply.strip().split("\\s+")) {
        int eq = part.indexOf('=');
        if (eq > 0) {
          fields.put(part.substring(0, eq), part.substring(eq + 1));
        }
      }
      int boot = -1;
      try {
        boot = Integer.parseInt(fields.getOrDefault("boot", "-1"));
      } catch (NumberFormatException e) {
        boot = -1;   // an unexpected value stays visible in fields()
      }
      return new Status(fields.get("mode"), boot, fields.get("wifi"), fields.get("version"), Map.copyOf(fields));
    }
  }

  private final InetSocketAddress address;
  private final Socket socket;
  private final BufferedReader in;
  private final OutputStream out;

  private SideChannel(InetSocketAddress address, Socket socket) throws IOException {
    this.address = address;
    this.socket = socket;
    this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    this.out = socket.getOutputStream();
  }

  public static SideChannel connect(InetSocketAddress address, Duration timeout) throws IOException {
    Socket socket = new Socket();
    try {
      socket.connect(address, (int) timeout.toMillis());
      socket.setSoTimeout((int) timeout.toMillis());
      socket.setTcpNoDelay(true);   // line changes are timed; do not let Nagle hold them back
      return new SideChannel(address, socket);
    } catch (IOException e) {
      socket.close();
      throw new IOException("cannot reach the virtual NodeMCU's side channel at " + describe(address) + ": "
          + e.getMessage(), e);
    }
  }

  /** Parses {@code 127.0.0.1:4567}. */
  public static InetSocketAddress parseAddress(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    if (colon <= 0 || colon == hostPort.length() - 1) {
      throw new IllegalArgumentException("expected HOST:PORT, got '" + hostPort + "'");
    }
    try {
      return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected HOST:PORT with a numeric port, got '" + hostPort + "'");
    }
  }

  public InetSocketAddress address() {
    return address;
  }

  /** Sends one command and returns what followed {@code ok}; {@code err} becomes an exception. */
  public synchronized String command(String command) throws IOException {
    out.write((command + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
    String reply = in.readLine();
    if (reply == null) {
      throw new IOException("the virtual NodeMCU closed its side channel (after '" + command + "')");
    }
    if (reply.equals("ok") || reply.startsWith("ok ")) {
      return reply.length() > 2 ? reply.substring(3) : "";
    }
    if (reply.startsWith("err")) {
      throw new SideChannelException(command, reply.length() > 4 ? reply.substring(4) : "(no reason given)");
    }
    throw new IOException("unexpected reply to '" + command + "' from the virtual NodeMCU: " + reply);
  }

  /** DTR/RTS as esptool would set them (true = asserted); the board applies its auto-reset circuit. */
  public void lines(boolean dtr, boolean rts) throws IOException {
    command("lines dtr=" + (dtr ? 1 : 0) + " rts=" + (rts ? 1 : 0));
  }

  public void resetRun() throws IOException {
    command("reset run");
  }

  public void resetDownload() throws IOException {
    command("reset download");
  }

  public void wifiDown() throws IOException {
    command("wifi down");
  }

  public void wifiUp() throws IOException {
    command("wifi up");
  }

  public void sensor(double temperature, double humidity) throws IOException {
    command(String.format(Locale.ROOT, "sensor %.1f %.1f", temperature, humidity));
  }

  public void sensorFail() throws IOException {
    command("sensor fail");
  }

  public void sensorOk() throws IOException {
    command("sensor ok");
  }

  public Status status() throws IOException {
    return Status.parse(command("status"));
  }

  /** Ends the virtual NodeMCU; it may close the connection without a reply. */
  public void quit() throws IOException {
    synchronized (this) {
      out.write("quit\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  private static String describe(InetSocketAddress a) {
    return a.getHostString() + ":" + a.getPort();
  }
}
