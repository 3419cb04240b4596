package dev.hilbench.protocol;

/**
 * The server's acknowledgement, {@code #ack <seq>}, sent only to a connection whose hello asked
 * for it, and only once the reading is stored.
 *
 * <p>It is cumulative: every reading of the connection's boot with a {@code seq} up to and
 * including this one is stored (or was a duplicate of a stored one). A node sends its readings in
 * ascending {@code seq} order, so it may drop every buffered reading with {@code seq <= this.seq}.
 */
public record Ack(long seq) implements Line {

  public String toLine() {
    return "#ack " + seq;
  }
}
