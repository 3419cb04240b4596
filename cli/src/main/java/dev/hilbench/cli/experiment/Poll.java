package dev.hilbench.cli.experiment;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for a condition on live counters, bounded by a timeout: the run's phases end this way. */
final class Poll {

  private Poll() {}

  /**
   * Checks {@code done} every {@code every} until it holds (true) or {@code timeout} has passed
   * (false); {@code eachCheck} runs after every check that did not hold (progress).
   */
  static boolean until(BooleanSupplier done, Duration timeout, Duration every, Runnable eachCheck)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() - deadline >= 0) {
        return false;
      }
      eachCheck.run();
      Thread.sleep(every.toMillis()); // polling counters other threads update; bounded by the deadline
    }
    return true;
  }
}
