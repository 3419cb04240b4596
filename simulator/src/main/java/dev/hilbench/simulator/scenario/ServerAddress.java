package dev.hilbench.simulator.scenario;

import java.net.InetSocketAddress;

/** {@code HOST:PORT} as given on a command line or in a scenario. */
public final class ServerAddress {

  private ServerAddress() {}

  public static InetSocketAddress parse(String text) {
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
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("'" + text + "': port must be 1..65535");
    }
    InetSocketAddress a = new InetSocketAddress(host, port);
    if (a.isUnresolved()) {
      throw new IllegalArgumentException("'" + text + "': cannot resolve host " + host);
    }
    return a;
  }
}
