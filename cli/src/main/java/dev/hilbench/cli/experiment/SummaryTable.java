package dev.hilbench.cli.experiment;

import dev.hilbench.simulator.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The experiment's table, one row per policy, as a Markdown table with padded columns: it reads
 * the same on a terminal and in {@code report.md}.
 */
public final class SummaryTable {

  static final List<String> HEADER = List.of("policy", "50 % back", "95 % back", "all back", "peak accepts",
      "attempts / node", "lost / node (max)", "lost in transit / allowed", "reconciled");

  private SummaryTable() {}

  public static String render(List<PolicySummary> rows) {
    List<List<String>> cells = new ArrayList<>();
    cells.add(HEADER);
    rows.forEach(r -> cells.add(row(r)));
    int[] width = new int[HEADER.size()];
    for (List<String> row : cells) {
      for (int i = 0; i < row.size(); i++) {
        width[i] = Math.max(width[i], row.get(i).length());
      }
    }
    StringBuilder b = new StringBuilder();
    line(b, cells.get(0), width);
    List<String> rule = new ArrayList<>();
    for (int i = 0; i < width.length; i++) {
      // Policy names left, figures right, as numbers are read.
      rule.add(i == 0 ? "-".repeat(width[i]) : "-".repeat(width[i] - 1) + ":");
    }
    line(b, rule, width);
    cells.subList(1, cells.size()).forEach(r -> line(b, r, width));
    return b.toString();
  }

  static List<String> row(PolicySummary s) {
    String never = "not within " + Durations.format(s.timeout());
    return List.of(
        s.policy().label(),
        seconds(s.back50Millis(), never),
        seconds(s.back95Millis(), never),
        seconds(s.back100Millis(), never),
        String.format(Locale.ROOT, "%,.0f/s", s.peakAcceptRate()),
        String.format(Locale.ROOT, "%.1f", s.attemptsPerNode()),
        String.format(Locale.ROOT, "%.1f (%d)", s.lostPerNode(), s.maxLostPerNode()),
        String.format(Locale.ROOT, "%,d / %,d", s.lostInTransit(), s.allowedInTransit()),
        s.reconciled() ? "ok" : "FAILED");
  }

  /** {@code 2.35 s} from ms; below 10 s with two decimals, since loopback reconnects take milliseconds. */
  static String seconds(OptionalLong millis, String never) {
    if (millis.isEmpty()) {
      return never;
    }
    double s = millis.getAsLong() / 1000.0;
    return String.format(Locale.ROOT, s < 10 ? "%.2f s" : "%.1f s", s);
  }

  private static void line(StringBuilder b, List<String> cells, int[] width) {
    b.append('|');
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i);
      String pad = " ".repeat(width[i] - c.length());
      b.append(' ').append(i == 0 ? c + pad : pad + c).append(" |");
    }
    b.append('\n');
  }
}
