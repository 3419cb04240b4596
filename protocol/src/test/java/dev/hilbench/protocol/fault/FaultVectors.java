package dev.hilbench.protocol.fault;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the shared {@code vectors/faults.tsv} (the firmware's C++ tests read it too). */
final class FaultVectors {

  /**
   * One case.
   *
   * @param spec     the spec text, escapes undone
   * @param expected {@code fault <canonical>} or {@code error <code>}
   * @param firmware what the firmware answers instead, or null if the same
   */
  record Row(int lineNumber, String spec, String expected, String firmware) {
    boolean valid() {
      return expected.startsWith("fault ");
    }

    String canonical() {
      return expected.substring("fault ".length());
    }

    String errorCode() {
      return expected.substring("error ".length());
    }

    @Override
    public String toString() {
      return "faults.tsv line " + lineNumber + ": '" + spec + "' -> " + expected + (firmware == null ? "" : " (firmware: " + firmware + ")");
    }
  }

  private FaultVectors() {}

  static List<Row> read() {
    try (InputStream in = FaultVectors.class.getResourceAsStream("/vectors/faults.tsv")) {
      if (in == null) {
        throw new IllegalStateException("vector file not on the test classpath: vectors/faults.tsv");
      }
      String[] lines = new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n", -1);
      List<Row> rows = new ArrayList<>();
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i];
        if (line.isEmpty() || line.startsWith("# ")) {
          continue;
        }
        String[] c = line.split("\t", -1);
        if (c.length < 2 || c.length > 3) {
          throw new IllegalStateException("faults.tsv line " + (i + 1) + ": expected 2 or 3 columns, got " + c.length);
        }
        rows.add(new Row(i + 1, unescape(c[0]), c[1], c.length == 3 ? c[2] : null));
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** \t \r \n \\ \xHH, as in lines.tsv; a byte above 0x7F becomes the char of the same value. */
  static String unescape(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char e = s.charAt(++i);
      switch (e) {
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'n' -> out.append('\n');
        case '\\' -> out.append('\\');
        case 'x' -> {
          out.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
          i += 2;
        }
        default -> throw new IllegalArgumentException("unknown escape \\" + e + " in " + s);
      }
    }
    return out.toString();
  }
}
