package dev.hilbench.cli.experiment;

import dev.hilbench.simulator.Durations;
import dev.hilbench.simulator.policy.PolicyKind;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The restart experiment: each policy's run in turn, then the table on standard output and the
 * report, the CSV files and the charts in the output directory.
 */
public final class RestartExperiment {

  static final String NODES_CSV = "nodes.csv";
  static final String SECONDS_CSV = "seconds.csv";

  private final RestartPlan plan;
  private final PrintWriter out;
  private final Progress progress;
  private final PrintStream serverErr;

  /**
   * @param rewrite   whether the progress line may rewrite itself (standard error is a terminal)
   * @param serverErr where the receiver reports its own problems
   */
  public RestartExperiment(RestartPlan plan, PrintWriter out, PrintWriter err, boolean rewrite, PrintStream serverErr) {
    this.plan = plan;
    this.out = out;
    this.progress = new Progress(err, rewrite);
    this.serverErr = serverErr;
  }

  /** Runs every policy; true when every run completed and reconciled within the timing tolerance. */
  public boolean run() throws IOException, InterruptedException {
    Files.createDirectories(plan.out());
    String when = ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT));
    progress.note(String.format(Locale.ROOT, "hilbench experiment restart: %,d nodes, receiver down %s, policies %s; "
            + "seed %d; results in %s", plan.devices(), Durations.format(plan.down()),
        plan.policies().stream().map(PolicyKind::label).toList(), plan.seed(), plan.out()));
    List<PolicyResult> results = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (PolicyKind policy : plan.policies()) {
      try {
        results.add(new RestartRun(plan, policy, progress, serverErr).run());
      } catch (RestartRun.RunFailed e) {
        failures.add(e.getMessage());
        progress.note("[" + policy.label() + "] FAILED: " + e.getMessage());
      }
    }
    List<String> charts = List.of();
    if (!results.isEmpty()) {
      Files.writeString(plan.out().resolve(NODES_CSV), ExperimentCsv.nodes(results));
      Files.writeString(plan.out().resolve(SECONDS_CSV), ExperimentCsv.seconds(results));
      charts = ExperimentCharts.write(plan.out(), plan, results);
    }
    Files.writeString(plan.out().resolve(ExperimentReport.FILE),
        ExperimentReport.render(plan, when, results, failures, charts));
    boolean ok = failures.isEmpty() && results.stream().allMatch(PolicyResult::ok);
    print(results, failures, charts, ok);
    return ok;
  }

  private void print(List<PolicyResult> results, List<String> failures, List<String> charts, boolean ok) {
    out.printf(Locale.ROOT, "%nRestart experiment: %,d nodes (%s), receiver down %s, seed %d%n%n", plan.devices(),
        plan.mode().label(), Durations.format(plan.down()), plan.seed());
    if (!results.isEmpty()) {
      out.print(SummaryTable.render(results.stream().map(PolicySummary::of).toList()));
      out.println();
    }
    if (ok) {
      out.println("Every run completed and reconciled within the timing tolerance (one reading per abrupt connection end).");
    } else {
      out.printf(Locale.ROOT, "FAILED (seed %d; replay with --seed %d):%n", plan.seed(), plan.seed());
      failures.forEach(f -> out.println("  " + f));
      results.forEach(r -> r.problems().forEach(p -> out.println("  " + r.policy().label() + ": " + p)));
    }
    List<String> files = new ArrayList<>(List.of(ExperimentReport.FILE));
    if (!results.isEmpty()) {
      files.addAll(List.of(NODES_CSV, SECONDS_CSV));
      files.addAll(charts);
    }
    Path dir = plan.out();
    out.println("Results in " + dir + ": " + String.join(", ", files));
    out.flush();
  }
}
