package dev.hilbench.server.output;

import dev.hilbench.protocol.Malformed;
import dev.hilbench.protocol.Reading;

/**
 * The JSON-lines output of {@code serve --output json}: one object per line, {@code "type"} first
 * ({@code reading}, {@code bad_line}, {@code event}). Written by hand because it is on the hot
 * path; every string goes through {@link #appendString}.
 */
public final class JsonLines {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonLines() {}

  public static StringBuilder appendReading(StringBuilder s, Clock clock, long at, String device, String boot,
      String peer, Reading r, boolean duplicate) {
    s.append("{\"type\":\"reading\",\"at\":\"");
    clock.appendUtc(s, at).append("\",\"device\":");
    appendString(s, device).append(",\"boot\":");
    appendString(s, boot).append(",\"seq\":").append(r.seq())
        .append(",\"millis\":").append(r.millis())
        .append(",\"temperature\":");
    Numbers.appendValue(s, r.temperature()).append(",\"humidity\":");
    Numbers.appendValue(s, r.humidity()).append(",\"peer\":");
    appendString(s, peer).append(",\"duplicate\":").append(duplicate);
    return s.append("}\n");
  }

  public static StringBuilder appendBadLine(StringBuilder s, Clock clock, long at, String device, String peer, Malformed m) {
    s.append("{\"type\":\"bad_line\",\"at\":\"");
    clock.appendUtc(s, at).append("\",\"device\":");
    appendString(s, device).append(",\"peer\":");
    appendString(s, peer).append(",\"code\":");
    appendString(s, m.error().code()).append(",\"detail\":");
    appendString(s, m.detail()).append(",\"excerpt\":");
    appendString(s, m.excerpt());
    return s.append("}\n");
  }

  public static StringBuilder appendEvent(StringBuilder s, Clock clock, long at, String device, String peer,
      String kind, String detail) {
    s.append("{\"type\":\"event\",\"at\":\"");
    clock.appendUtc(s, at).append("\",\"device\":");
    appendString(s, device).append(",\"peer\":");
    appendString(s, peer).append(",\"kind\":");
    appendString(s, kind).append(",\"detail\":");
    appendString(s, detail);
    return s.append("}\n");
  }

  /** A JSON string literal, or {@code null}; quotes, backslashes and control characters escaped. */
  public static StringBuilder appendString(StringBuilder s, String v) {
    if (v == null) {
      return s.append("null");
    }
    s.append('"');
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      switch (c) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        case '\n' -> s.append("\\n");
        case '\r' -> s.append("\\r");
        case '\t' -> s.append("\\t");
        default -> {
          if (c < 0x20) {
            s.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
          } else {
            s.append(c);
          }
        }
      }
    }
    return s.append('"');
  }
}
