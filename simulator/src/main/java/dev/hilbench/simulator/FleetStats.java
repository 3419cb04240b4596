package dev.hilbench.simulator;

import dev.hilbench.simulator.node.FleetCounters;

/** A fleet's totals at one moment, for progress lines, summaries and {@code await} conditions. */
public record FleetStats(
    int nodes, int connected, long connects, long reconnects, long connectFailures, long connectTimeouts,
    long abruptCloses, long generated, long sent, long acked, long mangled, long sensorFailures, long dropped,
    long reboots, long silences, long bytesWritten, long unexpectedLines, int errors) {

  static FleetStats of(int nodes, FleetCounters c, int errors) {
    return new FleetStats(nodes, c.connected.get(), c.connects.sum(), c.reconnects.sum(), c.connectFailures.sum(),
        c.connectTimeouts.sum(), c.abruptCloses.sum(), c.generated.sum(), c.sent.sum(), c.acked.sum(),
        c.mangled.sum(), c.sensorFailures.sum(), c.dropped.sum(), c.reboots.sum(), c.silences.sum(),
        c.bytesWritten.sum(), c.unexpectedLines.sum(), errors);
  }
}
