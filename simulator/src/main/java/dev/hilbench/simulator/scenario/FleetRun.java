package dev.hilbench.simulator.scenario;

import dev.hilbench.simulator.Fleet;
import dev.hilbench.simulator.FleetStats;
import dev.hilbench.simulator.ledger.Ledger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs a started fleet for a while: fires the timed events when they are due, reports progress
 * once a second, then stops the fleet and returns its ledger.
 */
public final class FleetRun {

  /** What a run tells its watcher. Called on the thread that runs the fleet. */
  public interface Watcher {
    /** About once a second. */
    void tick(FleetStats stats, Duration elapsed);

    /** A timed event just happened to these nodes. */
    default void event(TimedEvent event, List<Integer> nodes) {}

    /** The run is over; the fleet drains and stops now. */
    default void stopping() {}
  }

  private FleetRun() {}

  public static Ledger run(Fleet fleet, List<TimedEvent> events, Duration duration, Duration drain, Watcher watcher)
      throws InterruptedException {
    List<TimedEvent> pending = new ArrayList<>(events);
    pending.sort(Comparator.comparing(TimedEvent::at));
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    long nextTick = start + 1_000_000_000L;
    int fired = 0;
    while (true) {
      long now = System.nanoTime();
      while (!pending.isEmpty() && start + pending.get(0).at().toNanos() <= now) {
        TimedEvent e = pending.remove(0);
        watcher.event(e, e.apply(fleet, events.indexOf(e)));
        fired++;
      }
      if (now >= end) {
        break;
      }
      if (now >= nextTick) {
        watcher.tick(fleet.stats(), Duration.ofNanos(now - start));
        nextTick += 1_000_000_000L;
      }
      long wake = Math.min(end, nextTick);
      if (!pending.isEmpty()) {
        wake = Math.min(wake, start + pending.get(0).at().toNanos());
      }
      long sleep = Math.max(1, (wake - System.nanoTime()) / 1_000_000L);
      Thread.sleep(sleep); // pacing the run itself: the clock is the point here
    }
    watcher.tick(fleet.stats(), Duration.ofNanos(System.nanoTime() - start));
    watcher.stopping();
    return fleet.stop(drain);
  }
}
