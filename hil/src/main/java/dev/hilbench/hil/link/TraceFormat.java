package dev.hilbench.hil.link;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A serial session as text, one event a line, so a session recorded on a real board can be read,
 * diffed and replayed in a test:
 *
 * <pre>
 * # comment
 * &#64;12.500 > c0 00 08 24 ...     bytes written (the time in ms is optional)
 * &lt; c0 01 08 02 ...              bytes read
 * lines dtr=0 rts=1                 modem lines (either may be absent)
 * baud 115200
 * discard
 * </pre>
 */
public final class TraceFormat {

  private TraceFormat() {}

  public static String format(List<LinkEvent> events) {
    StringBuilder out = new StringBuilder("# hilbench serial trace v1\n");
    for (LinkEvent e : events) {
      out.append(String.format(Locale.ROOT, "@%.3f ", e.atNanos() / 1e6)).append(e).append('\n');
    }
    return out.toString();
  }

  public static void write(Path file, List<LinkEvent> events) throws IOException {
    Files.writeString(file, format(events));
  }

  public static List<LinkEvent> read(Path file) throws IOException {
    return parse(Files.readString(file), file.toString());
  }

  /** Parses a trace; {@code source} names it in errors. */
  public static List<LinkEvent> parse(String text, String source) {
    List<LinkEvent> events = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      long at = 0;
      if (line.startsWith("@")) {
        int space = line.indexOf(' ');
        if (space < 0) {
          throw bad(source, i, "a time with nothing after it");
        }
        at = (long) (Double.parseDouble(line.substring(1, space)) * 1e6);
        line = line.substring(space + 1).strip();
      }
      events.add(parseEvent(line, at, source, i));
    }
    return events;
  }

  private static LinkEvent parseEvent(String line, long at, String source, int index) {
    try {
      if (line.startsWith(">")) {
        return new LinkEvent.Wrote(hex(line.substring(1)), at);
      }
      if (line.startsWith("<")) {
        return new LinkEvent.Read(hex(line.substring(1)), at);
      }
      if (line.startsWith("lines")) {
        Boolean dtr = null;
        Boolean rts = null;
        for (String part : line.substring(5).strip().split("\\s+")) {
          switch (part) {
            case "dtr=0" -> dtr = false;
            case "dtr=1" -> dtr = true;
            case "rts=0" -> rts = false;
            case "rts=1" -> rts = true;
            default -> throw bad(source, index, "unknown line setting '" + part + "'");
          }
        }
        return new LinkEvent.Lines(dtr, rts, at);
      }
      if (line.startsWith("baud ")) {
        return new LinkEvent.Baud(Integer.parseInt(line.substring(5).strip()), at);
      }
      if (line.equals("discard")) {
        return new LinkEvent.Discard(at);
      }
    } catch (BadTrace e) {
      throw e;
    } catch (IllegalArgumentException e) {   // a bad hex digit or number
      throw bad(source, index, e.getMessage());
    }
    throw bad(source, index, "unknown event '" + line + "'");
  }

  private static byte[] hex(String s) {
    return HexFormat.of().parseHex(s.replaceAll("\\s+", ""));
  }

  private static BadTrace bad(String source, int index, String what) {
    return new BadTrace(source + " line " + (index + 1) + ": " + what);
  }

  /** A trace line that does not parse; the message names the source and the line. */
  static final class BadTrace extends IllegalArgumentException {
    BadTrace(String message) {
      super(message);
    }
  }
}
