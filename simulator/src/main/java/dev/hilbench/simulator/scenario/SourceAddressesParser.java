package dev.hilbench.simulator.scenario;

import dev.hilbench.simulator.net.SourceAddresses;

/** {@code per-node}, {@code kernel}, or a number of shared loopback addresses. */
public final class SourceAddressesParser {

  private SourceAddressesParser() {}

  public static SourceAddresses parse(String text) {
    return switch (text.trim()) {
      case "per-node" -> new SourceAddresses.PerNode();
      case "kernel" -> new SourceAddresses.KernelChosen();
      default -> {
        try {
          yield new SourceAddresses.Pool(Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("'" + text + "' is not per-node, kernel or a number of addresses");
        }
      }
    };
  }
}
