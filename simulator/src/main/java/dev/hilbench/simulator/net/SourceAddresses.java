package dev.hilbench.simulator.net;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Which loopback address each node connects from. On Linux all of 127.0.0.0/8 is local, so a
 * node can have its own address, as on a LAN: the server then tells hello-less nodes apart, and
 * the fleet is not limited to one address's ephemeral ports.
 */
public sealed interface SourceAddresses {

  /** The address node {@code index} binds before connecting, or null to let the kernel choose. */
  InetAddress forNode(int index);

  /** The kernel chooses (127.0.0.1 towards a loopback server). */
  record KernelChosen() implements SourceAddresses {
    @Override
    public InetAddress forNode(int index) {
      return null;
    }

    @Override
    public String toString() {
      return "kernel";
    }
  }

  /** Node i gets 127.1.0.1, 127.1.0.2, ... 127.1.0.254, 127.1.1.1, ... (no .0 or .255 hosts). */
  record PerNode() implements SourceAddresses {
    @Override
    public InetAddress forNode(int index) {
      return address(index);
    }

    @Override
    public String toString() {
      return "per-node";
    }
  }

  /** Nodes share {@code count} addresses, round robin (127.1.0.1 ... ). */
  record Pool(int count) implements SourceAddresses {
    public Pool {
      if (count < 1) {
        throw new IllegalArgumentException("address pool size must be at least 1, got " + count);
      }
    }

    @Override
    public InetAddress forNode(int index) {
      return address(index % count);
    }

    @Override
    public String toString() {
      return String.valueOf(count);
    }
  }

  /** The n-th address of 127.1.0.1 upward, skipping host parts 0 and 255. */
  static InetAddress address(int n) {
    int host = n % 254 + 1;
    int rest = n / 254;
    int third = rest % 256;
    int second = 1 + rest / 256;
    if (second > 254) {
      throw new IllegalArgumentException("no loopback address left for node " + n);
    }
    try {
      return InetAddress.getByAddress(new byte[] {127, (byte) second, (byte) third, (byte) host});
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e); // four bytes are always a valid address
    }
  }
}
