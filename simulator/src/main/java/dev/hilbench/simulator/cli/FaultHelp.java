package dev.hilbench.simulator.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Help text made from the fault vocabulary, for a command's footer: picocli takes annotation
 * constants, so a command sets its footer in a model transformer with these lines, and the help
 * cannot drift from the vocabulary.
 */
public final class FaultHelp {

  private FaultHelp() {}

  /** {@code before}, the fault lines, then {@code after}; every {@code %} escaped for picocli's formatting. */
  public static String[] footer(List<String> before, List<String> faultLines, List<String> after) {
    List<String> all = new ArrayList<>(before);
    all.addAll(faultLines);
    all.addAll(after);
    return all.stream().map(l -> l.replace("%", "%%")).toArray(String[]::new);
  }
}
