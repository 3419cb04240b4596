package dev.hilbench.protocol.fault;

/** Who applies a fault. */
public enum FaultKind {
  /**
   * The node itself: the simulator's nodes and the firmware (on its serial console). Rolled once
   * per reading cycle ({@code slow_connect}: once per connection attempt).
   */
  DEVICE,
  /**
   * The network path: the fault proxy, and the simulator's own links. Rolled once per connection
   * (Toxiproxy's toxicity). The firmware has none: they are set on the proxy in front of it.
   */
  NETWORK;

  /** {@code device} or {@code network}, as the docs and messages write it. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
