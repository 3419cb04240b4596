package dev.hilbench.simulator.cli;

import dev.hilbench.simulator.FleetStats;
import dev.hilbench.simulator.ledger.Fate;
import dev.hilbench.simulator.ledger.Ledger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The end-of-run summary: what the nodes generated and what became of it, and the run's own checks. */
public final class RunSummary {

  private RunSummary() {}

  public static String render(Ledger ledger, FleetStats stats) {
    Map<Fate, Long> t = ledger.totals();
    StringBuilder s = new StringBuilder();
    s.append(String.format("readings: %,d generated", ledger.generated()));
    List<String> fates = new ArrayList<>();
    for (Fate f : Fate.values()) {
      if (t.get(f) > 0) {
        fates.add(String.format("%s %,d", f.label(), t.get(f)));
      }
    }
    s.append(fates.isEmpty() ? "" : " -> " + String.join(", ", fates)).append('\n');
    s.append(String.format("connections: %,d (%,d reconnects), %,d failed attempts (%,d timed out), %,d ended abruptly%n",
        stats.connects(), stats.reconnects(), stats.connectFailures(), stats.connectTimeouts(), stats.abruptCloses()));
    if (stats.reboots() + stats.silences() > 0) {
      s.append(String.format("events: %,d reboots, %,d silences%n", stats.reboots(), stats.silences()));
    }
    return s.toString();
  }

  /** The run's own checks: what must hold whatever the faults. Empty when all hold. */
  public static List<String> problems(Ledger ledger, FleetStats stats, List<Throwable> errors, int nodes) {
    List<String> p = new ArrayList<>();
    if (!errors.isEmpty()) {
      p.add(errors.size() + " internal error(s) in the event loops, first: " + errors.get(0));
    }
    long never = ledger.records().stream().map(r -> r.device()).distinct().count();
    if (stats.connects() == 0 && nodes > 0) {
      p.add("no node ever connected: is the server running at the address given?");
    }
    if (ledger.totals().get(Fate.PENDING) > 0) {
      p.add(ledger.totals().get(Fate.PENDING) + " readings left without a fate (a simulator bug)");
    }
    if (never < nodes && nodes > 0 && ledger.generated() > 0) {
      p.add((nodes - never) + " node(s) never booted");
    }
    return p;
  }
}
