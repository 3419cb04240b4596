package dev.hilbench.simulator.reconcile;

import dev.hilbench.simulator.ledger.Fate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The reconciliation as a table for people: one row per device and a total, then the checks.
 *
 * <pre>
 * device         generated  sent  stored  in transit  dup  resent  lost where
 * sim-0001              30    27      27           0    0       0  offline 2, sensor_fail 1
 * </pre>
 */
public final class ReconciliationTable {

  private static final String[] HEAD = {"device", "generated", "sent", "stored", "in transit", "dup", "resent",
      "lost where"};

  private ReconciliationTable() {}

  /**
   * @param maxRows devices shown; beyond it only devices with a failed check or a loss in transit
   *                are listed, so a 19,000-node run stays readable
   */
  public static String render(Reconciliation rec, int maxRows) {
    List<DeviceTally> shown = rec.devices().size() <= maxRows ? rec.devices()
        : rec.devices().stream().filter(d -> !d.ok() || d.lostInTransit() > 0).limit(maxRows).toList();
    List<String[]> rows = new ArrayList<>();
    rows.add(HEAD);
    for (DeviceTally d : shown) {
      rows.add(row(d));
    }
    String[] total = row(rec.total());
    total[0] = "total (" + rec.devices().size() + (rec.devices().size() == 1 ? " device)" : " devices)");
    int[] width = new int[HEAD.length];
    List<String[]> all = new ArrayList<>(rows);
    all.add(total);
    for (String[] r : all) {
      for (int i = 0; i < r.length; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    StringBuilder s = new StringBuilder();
    for (String[] r : rows) {
      line(s, r, width);
    }
    if (shown.size() < rec.devices().size()) {
      s.append(String.format("... %d more devices, all checks passed and nothing lost in transit%n",
          rec.devices().size() - shown.size()));
    }
    int rule = 2 * (width.length - 1) + HEAD[HEAD.length - 1].length();
    for (int i = 0; i < width.length - 1; i++) {
      rule += width[i];
    }
    s.append("-".repeat(rule)).append('\n');
    line(s, total, width);
    s.append('\n');
    s.append(checks(rec));
    return s.toString();
  }

  /** The checks, each with a mark: what is exact and what timing may bend. */
  public static String checks(Reconciliation rec) {
    DeviceTally t = rec.total();
    List<String> failed = rec.problems();
    StringBuilder s = new StringBuilder();
    mark(s, failed.stream().noneMatch(p -> p.contains("acknowledged but not stored")),
        "every acknowledged reading is stored");
    mark(s, failed.stream().noneMatch(p -> p.contains("never sent intact") || p.contains("never generated")),
        "the store holds nothing the nodes did not send intact");
    mark(s, t.duplicated() == 0, "no reading is stored twice" + (t.resent() > 0 ? " (" + t.resent() + " resent, recognised as duplicates)" : ""));
    mark(s, failed.stream().noneMatch(p -> p.contains("abrupt connection ends")),
        "losses in transit: " + t.lostInTransit() + ", within the " + t.allowedInTransit()
            + " that abrupt connection ends allow (one each)");
    if (rec.foreignRows() > 0) {
      s.append("  (").append(rec.foreignRows()).append(" stored readings of earlier runs of these devices left out)\n");
    }
    if (!failed.isEmpty()) {
      s.append("\nFailed checks (seed ").append(rec.seed()).append(", run ").append(rec.run()).append("):\n");
      failed.stream().limit(20).forEach(p -> s.append("  ").append(p).append('\n'));
      if (failed.size() > 20) {
        s.append("  ... and ").append(failed.size() - 20).append(" more\n");
      }
    }
    return s.toString();
  }

  private static void mark(StringBuilder s, boolean ok, String what) {
    s.append(ok ? "  ok    " : "  FAIL  ").append(what).append('\n');
  }

  private static String[] row(DeviceTally d) {
    return new String[] {d.device(), n(d.generated()), n(d.sent()), n(d.stored()), n(d.lostInTransit()),
        n(d.duplicated()), n(d.resent()), where(d.losses())};
  }

  private static String where(Map<Fate, Long> losses) {
    String s = losses.entrySet().stream().filter(e -> e.getValue() > 0)
        .map(e -> e.getKey().label() + " " + e.getValue()).collect(Collectors.joining(", "));
    return s.isEmpty() ? "-" : s;
  }

  private static String n(long v) {
    return String.format("%,d", v);
  }

  private static void line(StringBuilder s, String[] r, int[] width) {
    for (int i = 0; i < r.length; i++) {
      if (i > 0) {
        s.append("  ");
      }
      boolean left = i == 0 || i == r.length - 1;
      String cell = left ? pad(r[i], width[i], true) : pad(r[i], width[i], false);
      s.append(i == r.length - 1 ? cell.stripTrailing() : cell);
    }
    s.append('\n');
  }

  private static String pad(String v, int w, boolean left) {
    String spaces = " ".repeat(Math.max(0, w - v.length()));
    return left ? v + spaces : spaces + v;
  }
}
