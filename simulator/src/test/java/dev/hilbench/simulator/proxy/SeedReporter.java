package dev.hilbench.simulator.proxy;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** Prints the seed of a failed test, so the run can be replayed with the same toxic decisions. */
final class SeedReporter implements TestWatcher {

  private final long seed;

  SeedReporter(long seed) {
    this.seed = seed;
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    System.err.println(context.getDisplayName() + " failed with proxy seed " + seed);
  }
}
