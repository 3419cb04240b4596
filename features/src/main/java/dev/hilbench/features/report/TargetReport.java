package dev.hilbench.features.report;

import dev.hilbench.features.glue.Hooks;
import dev.hilbench.features.target.LeftOut;
import dev.hilbench.features.target.ScenarioCatalog;
import dev.hilbench.features.target.Target;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestRunFinished;
import io.cucumber.plugin.event.TestRunStarted;
import io.cucumber.plugin.event.WriteEvent;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Cucumber plugin that tells a person what a run did: which target, what it left out and why
 * (before the first scenario), then a line per failed scenario with its seed and a summary with
 * the time taken against the target's budget.
 */
public final class TargetReport implements ConcurrentEventListener {

  private final PrintStream out;
  private final Map<UUID, String> seeds = new ConcurrentHashMap<>();
  private final Map<Status, Integer> counts = new EnumMap<>(Status.class);
  private final List<String> failures = new ArrayList<>();
  private Target target;
  private Instant started;

  public TargetReport() {
    this(System.out);
  }

  TargetReport(PrintStream out) {
    this.out = out;
  }

  @Override
  public void setEventPublisher(EventPublisher publisher) {
    publisher.registerHandlerFor(TestRunStarted.class, this::started);
    publisher.registerHandlerFor(WriteEvent.class, this::written);
    publisher.registerHandlerFor(TestCaseFinished.class, this::finished);
    publisher.registerHandlerFor(TestRunFinished.class, this::runFinished);
  }

  private void started(TestRunStarted e) {
    started = e.getInstant();
    target = Target.current();
    LeftOut leftOut = LeftOut.of(target, ScenarioCatalog.load(Thread.currentThread().getContextClassLoader()));
    out.println("hilbench features: " + leftOut.describe());
  }

  private void written(WriteEvent e) {
    for (String line : e.getText().split("\n")) {
      int at = line.indexOf(Hooks.SEED_PREFIX);
      if (at >= 0) {
        seeds.putIfAbsent(e.getTestCase().getId(), line.substring(at + Hooks.SEED_PREFIX.length()).split("[ ,]")[0]);
      }
    }
  }

  private synchronized void finished(TestCaseFinished e) {
    Status status = e.getResult().getStatus();
    counts.merge(status, 1, Integer::sum);
    if (status == Status.FAILED || status == Status.UNDEFINED || status == Status.AMBIGUOUS) {
      TestCase tc = e.getTestCase();
      String seed = seeds.getOrDefault(tc.getId(), "?");
      Throwable error = e.getResult().getError();
      failures.add(String.format("FAILED on %s: %s (%s:%d), seed %s — replay with -Dhilbench.seed=%s%n    %s",
          target.id(), tc.getName(), tc.getUri(), tc.getLocation().getLine(), seed, seed,
          error == null ? status.name().toLowerCase(Locale.ROOT) : firstLine(error.getMessage())));
    }
    seeds.remove(e.getTestCase().getId());
  }

  private synchronized void runFinished(TestRunFinished e) {
    Duration took = Duration.between(started == null ? e.getInstant() : started, e.getInstant());
    failures.forEach(out::println);
    String budget = target.budget().map(b -> ", budget " + b.toSeconds() + " s").orElse("");
    out.printf(Locale.ROOT, "hilbench features on %s: %d passed, %d failed, %d skipped in %.1f s%s%n",
        target.id(), counts.getOrDefault(Status.PASSED, 0),
        counts.getOrDefault(Status.FAILED, 0) + counts.getOrDefault(Status.UNDEFINED, 0)
            + counts.getOrDefault(Status.AMBIGUOUS, 0),
        counts.getOrDefault(Status.SKIPPED, 0) + counts.getOrDefault(Status.PENDING, 0),
        took.toMillis() / 1000.0, budget);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "(no message)";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl) + " ...";
  }
}
