package dev.hilbench.features.dut.serial;

import dev.hilbench.features.dut.FaultSetting;
import dev.hilbench.simulator.proxy.Direction;
import dev.hilbench.simulator.proxy.Proxy;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A board's network faults: the firmware has only device faults, so a scenario's link faults
 * (the slicer's partial writes, latency, ...) are applied by the fault proxy between the board
 * and the server, on the board's readings (upstream). The board is pointed at the proxy, which
 * listens on the server's address so that a real board on the LAN reaches it too.
 */
final class LinkFaultProxy implements Closeable {

  /** The fault vocabulary's network faults, which the proxy applies (Toxiproxy's toxics). */
  static final Set<String> NAMES = Set.of("slicer", "latency", "bandwidth", "timeout", "reset_peer", "limit_data");

  private final Proxy proxy;

  private LinkFaultProxy(Proxy proxy) {
    this.proxy = proxy;
  }

  static boolean isLinkFault(FaultSetting f) {
    return NAMES.contains(f.name());
  }

  static LinkFaultProxy start(String host, int serverPort, List<FaultSetting> faults, long seed) throws IOException {
    Proxy proxy = Proxy.start(new InetSocketAddress(host, 0), new InetSocketAddress(host, serverPort), seed);
    try {
      for (FaultSetting f : faults) {
        proxy.addToxic(f.name(), Direction.UPSTREAM, f.probability(), numbers(f));
      }
    } catch (RuntimeException e) {
      proxy.close();
      throw e;
    }
    return new LinkFaultProxy(proxy);
  }

  /** Toxiproxy's parameters are whole numbers; anything else is an error naming the parameter. */
  static Map<String, Long> numbers(FaultSetting f) {
    Map<String, Long> out = new LinkedHashMap<>();
    f.paramsWithoutProbability().forEach((k, v) -> {
      try {
        out.put(k, Long.parseLong(v));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("fault " + f.name() + ": " + k + "=" + v + " is not a whole number");
      }
    });
    return out;
  }

  int port() {
    return proxy.port();
  }

  @Override
  public void close() {
    proxy.close();
  }
}
