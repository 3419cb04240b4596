package dev.hilbench.features.suite;

import dev.hilbench.features.target.Target;
import java.time.Duration;

/**
 * What each suite class does around its run: names the target for the glue (the
 * {@value Target#PROPERTY} system property) and holds the run to the target's time budget.
 */
final class TargetSuite {

  private static long startedAt;

  private TargetSuite() {}

  static void begin(Target target) {
    System.setProperty(Target.PROPERTY, target.id());
    startedAt = System.nanoTime();
  }

  static void end(Target target) {
    Duration took = Duration.ofNanos(System.nanoTime() - startedAt);
    System.clearProperty(Target.PROPERTY);
    target.budget().ifPresent(budget -> {
      if (took.compareTo(budget) > 0) {
        throw new AssertionError("the " + target.id() + " run took " + took.toSeconds() + " s, over its budget of "
            + budget.toSeconds() + " s");
      }
    });
  }
}
