package dev.hilbench.server;

/** How the server knows which device a connection belongs to. */
public enum IdentifiedBy {
  /** The node named itself with a {@code #hello} line: its device id is stable and it may be taken over. */
  HELLO,
  /**
   * The node sent no hello (the classroom sketch): its device id is its peer IP address. Several
   * nodes behind one address (NAT, a proxy) share one device; such devices are never taken over.
   */
  IP
}
