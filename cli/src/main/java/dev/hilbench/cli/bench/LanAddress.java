package dev.hilbench.cli.bench;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The address of this machine a board on the bench's Wi-Fi can reach: an IPv4 address of an
 * interface that is up, not loopback, not a tunnel, not link-local (169.254/16, what an interface
 * gets when DHCP failed), preferring private LAN ranges and real network cards over the bridges of
 * containers and virtual machines. When several are equally good, the first is taken and the
 * others are named, so the user can pick with {@code --server-address}.
 */
public final class LanAddress {

  /** Bridges and tunnels of containers, VMs and VPNs: reachable from this machine only. */
  private static final Pattern VIRTUAL_NAMES =
      Pattern.compile("^(docker|br-|veth|virbr|lxc|lxd|vmnet|vboxnet|cni|flannel|cali|tun|tap|wg|zt|tailscale|utun).*");

  /**
   * What was chosen, and what else there was.
   *
   * @param address      the chosen address
   * @param alternatives other addresses that were as good a guess
   */
  public record Choice(NetworkAddress address, List<NetworkAddress> alternatives) {

    /** For the run's output: "192.168.1.23 (wlan0); also 10.0.0.5 (eth0): choose with --server-address". */
    public String describe() {
      return address + (alternatives.isEmpty() ? "" : "; also " + String.join(", ",
          alternatives.stream().map(NetworkAddress::toString).toList()) + ": choose with --server-address");
    }
  }

  private LanAddress() {}

  public static Optional<Choice> choose(List<NetworkAddress> addresses) {
    List<NetworkAddress> usable = addresses.stream()
        .filter(a -> a.up() && !a.loopback() && !a.pointToPoint() && !a.address().startsWith("169.254.")
            && !a.address().startsWith("127."))
        .sorted(Comparator.comparingInt(LanAddress::rank).thenComparing(NetworkAddress::interfaceName))
        .toList();
    if (usable.isEmpty()) {
      return Optional.empty();
    }
    int best = rank(usable.get(0));
    return Optional.of(new Choice(usable.get(0), usable.stream().skip(1).filter(a -> rank(a) == best).toList()));
  }

  /** Lower is better: a private address on a real card, then a public one, then virtual bridges. */
  static int rank(NetworkAddress a) {
    int r = privateRange(a.address()) ? 0 : 1;
    if (a.virtual() || VIRTUAL_NAMES.matcher(a.interfaceName()).matches()) {
      r += 2;
    }
    return r;
  }

  static boolean privateRange(String ipv4) {
    String[] p = ipv4.split("\\.");
    int a = Integer.parseInt(p[0]);
    int b = Integer.parseInt(p[1]);
    return a == 10 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168);
  }
}
