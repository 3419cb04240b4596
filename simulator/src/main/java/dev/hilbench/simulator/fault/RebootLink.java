package dev.hilbench.simulator.fault;

/** What a rebooting node's TCP connection sees. */
public enum RebootLink {
  /** Nothing: a chip that resets sends no FIN; the server holds a half-open connection. */
  ORPHAN,
  /** An orderly close, as a sketch that calls {@code client.stop()} before {@code ESP.restart()}. */
  FIN,
  /** A reset. */
  RST
}
