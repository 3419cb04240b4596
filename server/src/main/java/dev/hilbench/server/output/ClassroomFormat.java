package dev.hilbench.server.output;

import dev.hilbench.protocol.Malformed;
import dev.hilbench.protocol.Reading;

/**
 * The human-readable lines of {@code serve}: the classroom server's reading line with the node
 * added, {@code [16:00:01] 192.168.1.23 Seq:12 Time:1234567 Temp:28.3°C Hum:65.2%}, and lines of
 * the same shape for bad input and session events.
 */
public final class ClassroomFormat {

  private ClassroomFormat() {}

  /** One reading; {@code duplicate} readings get a note, since they are not stored again. */
  public static StringBuilder appendReading(StringBuilder s, String time, String node, Reading r, boolean duplicate) {
    s.append('[').append(time).append("] ").append(node)
        .append(" Seq:").append(r.seq())
        .append(" Time:").append(r.millis())
        .append(" Temp:");
    Numbers.appendValue(s, r.temperature()).append("°C Hum:");
    Numbers.appendValue(s, r.humidity()).append('%');
    if (duplicate) {
      s.append(" (duplicate, not stored again)");
    }
    return s.append('\n');
  }

  /** A rejected line: who sent it, the reason code, the words, and a safe excerpt. */
  public static StringBuilder appendBadLine(StringBuilder s, String time, String node, String peer, Malformed m) {
    s.append('[').append(time).append("] ").append(node);
    if (peer != null && !peer.startsWith(node + ":")) {
      s.append(" (").append(peer).append(')');
    }
    return s.append(" bad line, ").append(m.error().code()).append(": ").append(m.detail())
        .append(": \"").append(m.excerpt()).append("\"\n");
  }

  /** Something that happened to a connection or session, e.g. {@code connected}, {@code reboot: boot b2}. */
  public static StringBuilder appendEvent(StringBuilder s, String time, String node, String text) {
    return s.append('[').append(time).append("] ").append(node).append(' ').append(text).append('\n');
  }
}
