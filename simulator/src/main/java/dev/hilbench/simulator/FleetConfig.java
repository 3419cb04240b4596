package dev.hilbench.simulator;

import dev.hilbench.simulator.net.SourceAddresses;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Everything a fleet needs to run.
 *
 * @param server        where the nodes connect
 * @param seed          the fleet seed: each node's stream derives from it and the node's index
 * @param run           a short id that starts every boot id, so that runs never share a boot id
 * @param groups        the nodes, group by group (node indexes run across groups in this order)
 * @param sources       which loopback address each node connects from
 * @param rampUpPerSecond nodes powered on per second; 0 powers them all on at once
 * @param threads       event loop threads sharing the nodes
 */
public record FleetConfig(InetSocketAddress server, long seed, String run, List<NodeGroup> groups,
    SourceAddresses sources, double rampUpPerSecond, int threads) {

  public FleetConfig {
    if (server == null) {
      throw new IllegalArgumentException("server address is required");
    }
    if (run == null || !run.matches("[A-Za-z0-9_-]{1,20}")) {
      throw new IllegalArgumentException("run id '" + run + "' must be 1..20 letters, digits, _ or -");
    }
    groups = List.copyOf(groups);
    if (groups.stream().map(NodeGroup::name).distinct().count() != groups.size()) {
      throw new IllegalArgumentException("group names must be unique: " + groups.stream().map(NodeGroup::name).toList());
    }
    if (rampUpPerSecond < 0) {
      throw new IllegalArgumentException("ramp-up rate must be 0 (all at once) or more, got " + rampUpPerSecond);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
  }

  /** One group of {@code count} nodes named {@code sim} with one profile, each on its own address. */
  public static FleetConfig simple(InetSocketAddress server, long seed, int count, NodeProfile profile) {
    return new FleetConfig(server, seed, newRunId(), List.of(new NodeGroup("sim", count, profile)),
        new SourceAddresses.PerNode(), 0, 1);
  }

  public int nodeCount() {
    return groups.stream().mapToInt(NodeGroup::count).sum();
  }

  public FleetConfig withRun(String r) {
    return new FleetConfig(server, seed, r, groups, sources, rampUpPerSecond, threads);
  }

  public FleetConfig withThreads(int n) {
    return new FleetConfig(server, seed, run, groups, sources, rampUpPerSecond, n);
  }

  public FleetConfig withRampUp(double perSecond) {
    return new FleetConfig(server, seed, run, groups, sources, perSecond, threads);
  }

  public FleetConfig withSources(SourceAddresses s) {
    return new FleetConfig(server, seed, run, groups, s, rampUpPerSecond, threads);
  }

  /** A run id from the clock: base 36 seconds since 2024, six or seven characters. */
  public static String newRunId() {
    long s = System.currentTimeMillis() / 1000 - 1_704_067_200L;
    return "r" + Long.toString(Math.max(0, s), 36);
  }
}
