package dev.hilbench.cli.experiment;

import dev.hilbench.simulator.Durations;
import dev.hilbench.simulator.policy.PolicyKind;
import java.util.List;
import java.util.Locale;

/** {@code report.md}: the table, what its columns mean, the charts and the data files, for one experiment. */
final class ExperimentReport {

  static final String FILE = "report.md";

  private ExperimentReport() {}

  /**
   * @param when     when the experiment ran, as written in the report
   * @param failures runs that could not measure anything, in words
   * @param charts   the chart files, in the order shown
   */
  static String render(RestartPlan plan, String when, List<PolicyResult> results, List<String> failures,
      List<String> charts) {
    StringBuilder b = new StringBuilder();
    b.append("# Restart experiment\n\n");
    b.append(String.format(Locale.ROOT, "%s, on this machine (%d cores):%n%n```%n%s%n```%n%n", when,
        Runtime.getRuntime().availableProcessors(), plan.commandLine()));
    b.append(String.format(Locale.ROOT, "%,d simulated nodes (%s delivery, a reading every %s) against a receiver on "
            + "127.0.0.1, running until every connection outlasted %s; then the receiver was stopped, down for %s, and "
            + "started again on the same port and store, until every node was back and had delivered %d readings "
            + "(at most %s). The same fleet (seed %d) for each policy; backoff base %s, cap %s, multiplier %s, "
            + "connect timeout %s.%n%n",
        plan.devices(), plan.mode().label(), Durations.format(plan.interval()), Durations.format(plan.resetAfter()),
        Durations.format(plan.down()), plan.readingsAfter(), Durations.format(plan.timeout()), plan.seed(),
        Durations.format(plan.base()), Durations.format(plan.cap()), plan.multiplierText(),
        Durations.format(plan.connectTimeout())));
    b.append(SummaryTable.render(results.stream().map(PolicySummary::of).toList())).append('\n');
    b.append("""
        - **50 % / 95 % / all back**: from the port reopening until that share of *all* nodes had been identified \
        by the receiver on a new connection (its `connect` event in the store).
        - **peak accepts**: the most connections the receiver accepted in one second.
        - **attempts / node**: connection attempts per node from the moment the receiver went down to the end of \
        the run, refused and timed-out ones included.
        - **lost / node (max)**: readings generated but not stored, mean per node (and the most of one node), as \
        the simulator's ledger reconciles them with the store.
        - **lost in transit / allowed**: readings written to a socket but not stored, against the one per abrupt \
        connection end that timing may explain.
        - **reconciled**: the store holds every reading the ledger says reached the receiver, once, and nothing \
        else, within that tolerance.

        """);
    List<String> problems = results.stream().flatMap(r -> r.problems().stream().map(p -> r.policy().label() + ": " + p))
        .toList();
    if (!failures.isEmpty() || !problems.isEmpty()) {
      b.append("## Problems\n\n");
      failures.forEach(f -> b.append("- ").append(f).append('\n'));
      problems.forEach(p -> b.append("- ").append(p).append('\n'));
      b.append('\n');
    }
    b.append("## Charts\n\n");
    for (String chart : charts) {
      b.append(String.format("![%s](%s)%n%n", chart.replace(".png", "").replace('-', ' '), chart));
    }
    b.append("## Data\n\n");
    b.append("- [nodes.csv](nodes.csv): one row per node and policy: when it was back, its connections and "
        + "readings after the reopen, its losses.\n");
    b.append("- [seconds.csv](seconds.csv): one row per second and policy, from the moment the receiver went down: "
        + "accepts, attempts, failed attempts, nodes connected and back.\n");
    PolicyKind first = results.isEmpty() ? plan.policies().get(0) : results.get(0).policy();
    b.append(String.format("- `<policy>.db` and `<policy>.ledger`: each run's store and ledger, e.g. "
        + "`./hilbench reconcile --db %1$s.db --ledger %1$s.ledger`.%n", first.label()));
    return b.toString();
  }
}
