package dev.hilbench.server.store;

/** A connection that asked for acknowledgements: told once its readings are safe. */
public interface AckTarget {

  /**
   * Every reading this connection delivered up to and including {@code seq} is committed (or was a
   * duplicate of a committed one). Called from the store's thread; must not block.
   */
  void acknowledged(long seq);
}
