package dev.hilbench.features.dut.serial;

import dev.hilbench.protocol.fault.FaultKind;
import dev.hilbench.protocol.fault.FaultSpec;
import dev.hilbench.simulator.proxy.Proxy;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * A board's network faults: the firmware applies only device faults, so a scenario's network
 * faults (the slicer's partial writes, latency, ...) are applied by the fault proxy between the
 * board and the server, on the stream each spec names (upstream, the board's readings, unless it
 * says otherwise). The board is pointed at the proxy, which listens on the server's address so
 * that a real board on the LAN reaches it too.
 */
final class LinkFaultProxy implements Closeable {

  private final Proxy proxy;

  private LinkFaultProxy(Proxy proxy) {
    this.proxy = proxy;
  }

  static boolean isNetworkFault(FaultSpec spec) {
    return spec.kind() == FaultKind.NETWORK;
  }

  static LinkFaultProxy start(String host, int serverPort, List<FaultSpec> faults, long seed) throws IOException {
    Proxy proxy = Proxy.start(new InetSocketAddress(host, 0), new InetSocketAddress(host, serverPort), seed);
    try {
      faults.forEach(proxy::addToxic);
    } catch (RuntimeException e) {
      proxy.close();
      throw e;
    }
    return new LinkFaultProxy(proxy);
  }

  int port() {
    return proxy.port();
  }

  @Override
  public void close() {
    proxy.close();
  }
}
