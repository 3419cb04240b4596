package dev.hilbench.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LanAddressTest {

  private static NetworkAddress nic(String name, String address) {
    return new NetworkAddress(name, address, true, false, false, false);
  }

  @Test
  void aPrivateAddressOfARealCardBeatsBridgesTunnelsAndLoopback() {
    LanAddress.Choice c = LanAddress.choose(List.of(
        new NetworkAddress("lo", "127.0.0.1", true, true, false, false),
        nic("docker0", "172.17.0.1"),
        new NetworkAddress("tun0", "10.8.0.2", true, false, true, false),
        nic("wlp2s0", "192.168.1.23"))).orElseThrow();
    assertEquals("192.168.1.23", c.address().address());
    assertEquals(List.of(), c.alternatives());
    assertEquals("192.168.1.23 (wlp2s0)", c.describe());
  }

  @Test
  void interfacesThatAreDownOrGotNoDhcpLeaseAreNotCandidates() {
    assertEquals(Optional.empty(), LanAddress.choose(List.of(
        new NetworkAddress("eth0", "192.168.1.5", false, false, false, false),
        nic("eth1", "169.254.10.20"))));
  }

  @Test
  void equallyGoodAddressesAreNamedSoTheUserCanChoose() {
    LanAddress.Choice c = LanAddress.choose(List.of(nic("wlan0", "192.168.1.23"), nic("eth0", "10.0.0.5"),
        nic("virbr0", "192.168.122.1"))).orElseThrow();
    assertEquals("10.0.0.5", c.address().address(), "ties go by interface name");
    assertEquals("10.0.0.5 (eth0); also 192.168.1.23 (wlan0): choose with --server-address", c.describe());
  }

  @Test
  void aPublicAddressIsBetterThanNothingButWorseThanAPrivateOne() {
    assertEquals("10.1.2.3", LanAddress.choose(List.of(nic("eth0", "203.0.113.7"), nic("eth1", "10.1.2.3")))
        .orElseThrow().address().address());
    assertEquals("203.0.113.7", LanAddress.choose(List.of(nic("eth0", "203.0.113.7"), nic("docker0", "172.17.0.1")))
        .orElseThrow().address().address());
  }

  @Test
  void privateRanges() {
    assertTrue(LanAddress.privateRange("172.16.0.1"));
    assertTrue(LanAddress.privateRange("172.31.255.1"));
    assertEquals(false, LanAddress.privateRange("172.32.0.1"));
    assertEquals(false, LanAddress.privateRange("192.169.0.1"));
  }
}
