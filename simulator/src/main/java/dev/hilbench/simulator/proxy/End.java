package dev.hilbench.simulator.proxy;

/**
 * How one direction of a link ends, carried in order behind its last bytes, so that a close
 * decided by a toxic ({@code limit_data}) happens after the bytes it let through.
 */
enum End {
  /** The sender closed its side: pass a FIN on (half-close) and let the other direction go on. */
  FIN,
  /** The link closes: both sockets, FIN to both peers. */
  CLOSE,
  /** The link is reset: both sockets closed with SO_LINGER 0, RST to both peers. */
  RESET
}
