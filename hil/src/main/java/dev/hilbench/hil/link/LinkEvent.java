package dev.hilbench.hil.link;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One thing that happened on a link (equal events are equal whatever their time), as recorded by {@link RecordingLink} and replayed by
 * {@link ReplayLink}. {@code atNanos} counts from the start of the recording (0 in a script).
 */
public sealed interface LinkEvent {

  long atNanos();

  /** Bytes the host wrote. */
  record Wrote(byte[] bytes, long atNanos) implements LinkEvent {
    @Override
    public boolean equals(Object o) {
      return o instanceof Wrote w && Arrays.equals(w.bytes, bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return "> " + hex(bytes);
    }
  }

  /** Bytes the host read. */
  record Read(byte[] bytes, long atNanos) implements LinkEvent {
    @Override
    public boolean equals(Object o) {
      return o instanceof Read r && Arrays.equals(r.bytes, bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return "< " + hex(bytes);
    }
  }

  /** A modem-line change; a null line was left as it was (one-line calls). */
  record Lines(Boolean dtr, Boolean rts, long atNanos) implements LinkEvent {
    @Override
    public boolean equals(Object o) {
      return o instanceof Lines l && java.util.Objects.equals(l.dtr, dtr) && java.util.Objects.equals(l.rts, rts);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(dtr, rts);
    }

    @Override
    public String toString() {
      StringBuilder s = new StringBuilder("lines");
      if (dtr != null) {
        s.append(" dtr=").append(dtr ? 1 : 0);
      }
      if (rts != null) {
        s.append(" rts=").append(rts ? 1 : 0);
      }
      return s.toString();
    }
  }

  record Baud(int baud, long atNanos) implements LinkEvent {
    @Override
    public boolean equals(Object o) {
      return o instanceof Baud b && b.baud == baud;
    }

    @Override
    public int hashCode() {
      return baud;
    }

    @Override
    public String toString() {
      return "baud " + baud;
    }
  }

  /** The host threw away its unread input. */
  record Discard(long atNanos) implements LinkEvent {
    @Override
    public boolean equals(Object o) {
      return o instanceof Discard;
    }

    @Override
    public int hashCode() {
      return 1;
    }

    @Override
    public String toString() {
      return "discard";
    }
  }

  static String hex(byte[] bytes) {
    return HexFormat.ofDelimiter(" ").formatHex(bytes);
  }
}
