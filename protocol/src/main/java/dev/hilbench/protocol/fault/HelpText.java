package dev.hilbench.protocol.fault;

import java.util.ArrayList;
import java.util.List;

/** Word wrap for help text. */
final class HelpText {

  private HelpText() {}

  /** {@code text} in lines of at most {@code width} characters, broken at spaces (a longer word gets a line of its own). */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (!line.isEmpty()) {
        line.append(' ');
      }
      line.append(word);
    }
    if (!line.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }
}
