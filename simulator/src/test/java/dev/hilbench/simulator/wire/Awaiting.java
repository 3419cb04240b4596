package dev.hilbench.simulator.wire;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Awaitility with the conventions of these tests: a reason, a timeout, a short poll. */
final class Awaiting {

  private Awaiting() {}

  static void until(Callable<Boolean> condition, String alias, Duration atMost) {
    await(alias).atMost(atMost).pollInterval(Duration.ofMillis(20)).until(condition);
  }
}
