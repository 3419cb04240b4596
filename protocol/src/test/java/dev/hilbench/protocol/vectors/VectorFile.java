package dev.hilbench.protocol.vectors;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the shared vector files in src/test/resources/vectors (the C++ tests read them too).
 * Public, and published in the protocol's test-jar, so other modules' tests read the same files
 * the same way instead of copying the parser.
 */
public final class VectorFile {

  /** One case: its line number in the file (for failure messages) and its TAB-separated columns. */
  public record Row(int lineNumber, List<String> columns) {
    @Override
    public String toString() {
      return "line " + lineNumber + ": " + String.join(" | ", columns);
    }
  }

  private VectorFile() {}

  /** The rows of {@code vectors/<name>} on the test classpath: blank lines and {@code "# "} comments skipped. */
  public static List<Row> read(String name) {
    try (InputStream in = VectorFile.class.getResourceAsStream("/vectors/" + name)) {
      if (in == null) {
        throw new IllegalStateException("vector file not on the test classpath: vectors/" + name);
      }
      String[] lines = new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n", -1);
      List<Row> rows = new ArrayList<>();
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i];
        if (line.isEmpty() || line.startsWith("# ")) {
          continue;
        }
        rows.add(new Row(i + 1, Arrays.asList(line.split("\t", -1))));
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Undoes the file's escapes: \r \n \t \\ \xHH. */
  public static byte[] unescape(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\') {
        out.write(c);
        continue;
      }
      char e = s.charAt(++i);
      switch (e) {
        case 'r' -> out.write('\r');
        case 'n' -> out.write('\n');
        case 't' -> out.write('\t');
        case '\\' -> out.write('\\');
        case 'x' -> {
          out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
          i += 2;
        }
        default -> throw new IllegalArgumentException("unknown escape \\" + e + " in " + s);
      }
    }
    return out.toByteArray();
  }

  /** The file's escaped form of some bytes, to compare events with the file's text. */
  public static String escape(byte[] b, int off, int len) {
    StringBuilder s = new StringBuilder();
    for (int i = off; i < off + len; i++) {
      int c = b[i] & 0xFF;
      switch (c) {
        case '\r' -> s.append("\\r");
        case '\n' -> s.append("\\n");
        case '\t' -> s.append("\\t");
        case '\\' -> s.append("\\\\");
        default -> {
          if (c >= 0x20 && c <= 0x7E) {
            s.append((char) c);
          } else {
            s.append(String.format("\\x%02X", c));
          }
        }
      }
    }
    return s.toString();
  }
}
