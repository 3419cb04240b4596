package dev.hilbench.simulator.node;

/**
 * One TCP connection of a node, as the node sees it. Callbacks ({@code onWritten}, {@code onLine},
 * {@code onClosed}) carry the link they come from, so that a node ignores an old one's.
 */
public interface Link {

  /** How a connection ends. */
  enum Close {
    /** An orderly close: FIN, after whatever the kernel still holds. */
    FIN,
    /** A reset (SO_LINGER 0): what is unsent is discarded. */
    RST,
    /**
     * None at all: the node forgets the connection (it rebooted) and the socket stays open and
     * silent until the server closes it, as a half-open connection on a real LAN.
     */
    ORPHAN
  }

  /** Queues bytes to be written, in order, not before {@code releaseAtNanos}. */
  void send(byte[] bytes, long releaseAtNanos);

  /**
   * Ends the connection now (the node has already dealt with it: no callback follows), or once
   * everything queued is written (then {@link SimNode#onClosed} follows, from the loop).
   */
  void close(Close how, boolean afterQueued);

  /** Stops reading (silence); the server's lines and its FIN wait in the kernel. */
  void pauseReading();

  /**
   * Reads again, at once and before anything else happens: if the server closed the connection
   * meanwhile, {@link SimNode#onClosed} is called before this returns.
   */
  void resumeReading();

  /** Bytes queued and not yet handed to the kernel. */
  long unwrittenBytes();
}
