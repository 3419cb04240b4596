package dev.hilbench.simulator.scenario;

import dev.hilbench.simulator.FleetConfig;
import dev.hilbench.simulator.NodeGroup;
import dev.hilbench.simulator.net.SourceAddresses;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * A run described in full: the fleet (groups of nodes with their profiles), how fast it powers
 * on, how long it runs, and what happens to it on the way. Read from YAML by {@link ScenarioFile}
 * or built from command-line flags.
 *
 * @param server   where to connect; null when the command line gives it
 */
public record Scenario(Long seed, Duration duration, InetSocketAddress server, List<NodeGroup> groups,
    double rampUpPerSecond, SourceAddresses sources, int threads, List<TimedEvent> events) {

  public Scenario {
    groups = List.copyOf(groups);
    events = List.copyOf(events);
    if (groups.isEmpty()) {
      throw new IllegalArgumentException("a scenario needs at least one group of nodes");
    }
  }

  public int nodeCount() {
    return groups.stream().mapToInt(NodeGroup::count).sum();
  }

  /** The fleet configuration for a run against {@code server} with {@code seed}. */
  public FleetConfig fleetConfig(InetSocketAddress target, long runSeed, String run) {
    return new FleetConfig(target, runSeed, run, groups, sources, rampUpPerSecond, threads);
  }
}
