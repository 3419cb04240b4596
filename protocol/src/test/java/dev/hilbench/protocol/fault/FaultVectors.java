package dev.hilbench.protocol.fault;

import dev.hilbench.protocol.vectors.VectorFile;
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
    List<Row> rows = new ArrayList<>();
    for (VectorFile.Row r : VectorFile.read("faults.tsv")) {
      List<String> c = r.columns();
      if (c.size() < 2 || c.size() > 3) {
        throw new IllegalStateException("faults.tsv line " + r.lineNumber() + ": expected 2 or 3 columns, got " + c.size());
      }
      rows.add(new Row(r.lineNumber(), unescape(c.get(0)), c.get(1), c.size() == 3 ? c.get(2) : null));
    }
    return rows;
  }

  /** The shared escapes (\t \r \n \\ \xHH); a byte above 0x7F becomes the char of the same value. */
  static String unescape(String s) {
    return new String(VectorFile.unescape(s), StandardCharsets.ISO_8859_1);
  }
}
