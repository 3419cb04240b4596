package dev.hilbench.hil.reset;

import java.time.Duration;

/** How a reset sequence waits between line changes; tests record the pauses instead of sleeping. */
@FunctionalInterface
public interface Pauser {

  Pauser REAL = d -> Thread.sleep(d);

  void pause(Duration duration) throws InterruptedException;
}
