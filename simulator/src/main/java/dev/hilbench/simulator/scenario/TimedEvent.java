package dev.hilbench.simulator.scenario;

import dev.hilbench.simulator.Fleet;
import dev.hilbench.simulator.Seeds;
import dev.hilbench.simulator.fault.FaultSet;
import dev.hilbench.simulator.fault.RebootLink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Something that happens to part of the fleet at a time into the run: {@code at: 30s, action:
 * reboot, fraction: 0.1}. Which nodes it hits is drawn from the fleet seed, so a replay hits the
 * same ones.
 *
 * @param at       time since the fleet started
 * @param action   what happens
 * @param group    only nodes of this group, or null for all
 * @param fraction share of those nodes (used when count is 0)
 * @param count    number of those nodes (wins over fraction when above 0)
 * @param duration how long a silence lasts
 * @param link     how a reboot leaves its connection
 * @param faults   the new faults of a {@code faults} action
 */
public record TimedEvent(Duration at, Action action, String group, double fraction, int count, Duration duration,
    RebootLink link, FaultSet faults) {

  public enum Action { REBOOT, SILENCE, FAULTS }

  /** The nodes this event hits, the same ones for the same seed. */
  public List<Integer> pick(Fleet fleet, int eventIndex) {
    List<Integer> candidates = new ArrayList<>(fleet.indexesOf(group));
    int n = count > 0 ? Math.min(count, candidates.size()) : (int) Math.round(fraction * candidates.size());
    SplittableRandom r = new SplittableRandom(Seeds.derive(fleet.config().seed(), 0x4556454EL, eventIndex));
    for (int i = candidates.size() - 1; i > 0; i--) { // Fisher-Yates
      int j = r.nextInt(i + 1);
      Integer t = candidates.get(i);
      candidates.set(i, candidates.get(j));
      candidates.set(j, t);
    }
    List<Integer> picked = new ArrayList<>(candidates.subList(0, n));
    picked.sort(null);
    return picked;
  }

  /** Does it to the fleet; returns the nodes it hit. */
  public List<Integer> apply(Fleet fleet, int eventIndex) {
    List<Integer> nodes = pick(fleet, eventIndex);
    switch (action) {
      case REBOOT -> fleet.reboot(nodes, link);
      case SILENCE -> fleet.silence(nodes, duration);
      case FAULTS -> fleet.setFaults(nodes, faults);
    }
    return nodes;
  }

  /** For logs: {@code 30s reboot 10% of classroom}. */
  public String describe() {
    String who = count > 0 ? count + " node" + (count == 1 ? "" : "s") : Math.round(fraction * 100) + "%";
    String of = group == null ? "" : " of " + group;
    String what = switch (action) {
      case REBOOT -> "reboot " + who + of;
      case SILENCE -> "silence " + who + of + " for " + dev.hilbench.simulator.Durations.format(duration);
      case FAULTS -> "faults " + faults + " on " + who + of;
    };
    return dev.hilbench.simulator.Durations.format(at) + " " + what;
  }
}
