package dev.hilbench.cli.bench;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One IPv4 address of one network interface of this machine, with the facts that decide whether a
 * board on the LAN can reach it. Plain data, so the choice is tested without the machine's network.
 *
 * @param interfaceName e.g. {@code wlan0}, {@code enp3s0}, {@code docker0}
 * @param address       dotted IPv4, e.g. {@code 192.168.1.23}
 * @param up            the interface is up
 * @param loopback      127.0.0.0/8
 * @param pointToPoint  a tunnel (VPN): boards are not on its other end
 * @param virtual       a sub-interface (alias) of another one
 */
public record NetworkAddress(String interfaceName, String address, boolean up, boolean loopback, boolean pointToPoint,
    boolean virtual) {

  /** Every IPv4 address of every interface, as the operating system reports them now. */
  public static List<NetworkAddress> ofThisMachine() throws SocketException {
    List<NetworkAddress> all = new ArrayList<>();
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      for (InetAddress a : Collections.list(nic.getInetAddresses())) {
        if (a instanceof Inet4Address) {
          all.add(new NetworkAddress(nic.getName(), a.getHostAddress(), nic.isUp(), nic.isLoopback(),
              nic.isPointToPoint(), nic.isVirtual()));
        }
      }
    }
    return all;
  }

  @Override
  public String toString() {
    return address + " (" + interfaceName + ")";
  }
}
