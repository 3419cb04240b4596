package dev.hilbench.simulator.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.simulator.Fleet;
import dev.hilbench.simulator.FleetConfig;
import dev.hilbench.simulator.NodeGroup;
import dev.hilbench.simulator.NodeProfile;
import dev.hilbench.simulator.fault.FaultSet;
import dev.hilbench.simulator.ledger.Ledger;
import dev.hilbench.simulator.ledger.LedgerRecord;
import dev.hilbench.simulator.net.SourceAddresses;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs with one seed make the same fault decisions, whatever the thread timing (two event
 * loops here, so nodes interleave differently each run); another seed makes other ones.
 */
class SameSeedSameDecisionsTest {

  private static final int READINGS = 30;
  private static final NodeProfile PROFILE = NodeProfile.CLASSROOM.withInterval(Duration.ofMillis(30))
      .withAssociation(Duration.ofMillis(5))
      .withFaults(FaultSet.parse(List.of("drop=0.15", "sensor_fail=0.1", "corrupt=0.1", "oversize=0.05")));

  @TempDir Path dir;

  private Ledger run(long seed, String runId, Path where) throws Exception {
    try (LiveServer server = LiveServer.start(where)) {
      FleetConfig config = new FleetConfig(server.address(), seed, runId, List.of(new NodeGroup("det", 8, PROFILE)),
          new SourceAddresses.PerNode(), 0, 2);
      try (Fleet fleet = Fleet.start(config)) {
        Awaiting.until(() -> fleet.nodes().stream().allMatch(n -> n.nextSeq() >= READINGS),
            READINGS + " readings per node", Duration.ofSeconds(15));
        return fleet.stop(Duration.ofSeconds(3));
      }
    }
  }

  /** Per device, the device-fault decisions of the first readings: f, d, m, or '.' for none. */
  private static Map<String, String> decisions(Ledger ledger) {
    return ledger.records().stream().collect(Collectors.toMap(LedgerRecord::device, r -> {
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < READINGS; i++) {
        char c = r.fates().charAt(i);
        s.append(c == 'f' || c == 'd' || c == 'm' ? c : '.');
      }
      return s.toString();
    }));
  }

  @Test
  void sameSeedSameDecisionsOtherSeedOtherDecisions() throws Exception {
    long seed = 777;
    Map<String, String> first = decisions(run(seed, "a", dir.resolve("1")));
    Map<String, String> second = decisions(run(seed, "b", dir.resolve("2")));
    Map<String, String> other = decisions(run(seed + 1, "c", dir.resolve("3")));
    assertEquals(first, second, "seed " + seed + ": the same decisions in both runs");
    assertNotEquals(first, other, "seed " + (seed + 1) + " decides otherwise");
    assertTrue(first.values().stream().anyMatch(s -> s.contains("d")), "some drops: " + first);
    // Nodes do not share a stream: their decisions differ from each other.
    assertEquals(first.size(), first.values().stream().distinct().count(), "each node has its own stream: " + first);
  }
}
