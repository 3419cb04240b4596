package dev.hilbench.features.truth;

/**
 * What became of one reading a device generated, in words for failure messages, and what the
 * store should therefore hold.
 *
 * @param label   e.g. {@code sent}, {@code acked}, {@code drop}, {@code offline}
 * @param expect  what the server's store should hold of it
 * @param written whether its line was written whole to a connection
 */
public record Fate(String label, Expect expect, boolean written) {

  public static final Fate SENT = new Fate("sent", Expect.SHOULD, true);
  public static final Fate ACKED = new Fate("acked", Expect.MUST, true);
  public static final Fate UNACKED = new Fate("unacked", Expect.MAYBE, true);
  /** Still inside the device (buffered, being written) when the record was taken. */
  public static final Fate PENDING = new Fate("pending", Expect.MAYBE, false);
  /** Generated while not connected by a device that buffers nothing. */
  public static final Fate OFFLINE = new Fate("offline", Expect.NEVER, false);

  /** A reading that never left the device intact, for the given reason (a fault name, say). */
  public static Fate notSent(String reason) {
    return new Fate(reason, Expect.NEVER, false);
  }

  @Override
  public String toString() {
    return label;
  }
}
