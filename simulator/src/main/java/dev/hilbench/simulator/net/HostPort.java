package dev.hilbench.simulator.net;

import java.net.InetSocketAddress;

/**
 * {@code HOST:PORT} (IPv6 as {@code [::1]:5050}) as given on a command line or in a scenario: the
 * one parser the simulator, its scenarios and the proxy share, so they accept and reject the same text.
 */
public final class HostPort {

  private HostPort() {}

  /** Parses and resolves an address to connect to (port 1..65535). */
  public static InetSocketAddress parse(String text) {
    return parse(text, false);
  }

  /** Parses and resolves; {@code allowPortZero} for a listening address (0: any free port). */
  public static InetSocketAddress parse(String text, boolean allowPortZero) {
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new IllegalArgumentException("'" + text + "' is not HOST:PORT (e.g. 127.0.0.1:5050)");
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(text.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "': port '" + text.substring(colon + 1) + "' is not a number");
    }
    int min = allowPortZero ? 0 : 1;
    if (port < min || port > 65535) {
      throw new IllegalArgumentException("'" + text + "': port must be " + min + "..65535");
    }
    InetSocketAddress address = new InetSocketAddress(host, port);
    if (address.isUnresolved()) {
      throw new IllegalArgumentException("'" + text + "': cannot resolve host " + host);
    }
    return address;
  }

  /** {@code 127.0.0.1:5050} or {@code [::1]:5050}: the address as one would type it. */
  public static String format(InetSocketAddress address) {
    String host = address.getAddress() == null ? address.getHostString() : address.getAddress().getHostAddress();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
  }
}
