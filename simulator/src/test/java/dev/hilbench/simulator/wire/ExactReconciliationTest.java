package dev.hilbench.simulator.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.simulator.DeliveryMode;
import dev.hilbench.simulator.Fleet;
import dev.hilbench.simulator.FleetConfig;
import dev.hilbench.simulator.NodeGroup;
import dev.hilbench.simulator.NodeProfile;
import dev.hilbench.simulator.ledger.Fate;
import dev.hilbench.simulator.ledger.Ledger;
import dev.hilbench.simulator.net.SourceAddresses;
import dev.hilbench.simulator.reconcile.Reconciler;
import dev.hilbench.simulator.reconcile.Reconciliation;
import dev.hilbench.simulator.reconcile.ReconciliationTable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With no faults and no restarts the ledger and the store agree exactly: zero loss, zero duplicates. */
class ExactReconciliationTest {

  private static final long SEED = 20261127;

  @TempDir Path dir;

  @Test
  void everyModeDeliversEveryReadingExactlyOnce() throws Exception {
    NodeProfile fast = NodeProfile.CLASSROOM.withInterval(Duration.ofMillis(100)).withAssociation(Duration.ofMillis(20));
    try (LiveServer server = LiveServer.start(dir)) {
      FleetConfig config = new FleetConfig(server.address(), SEED, "exact", List.of(
          new NodeGroup("classroom", 6, fast),
          new NodeGroup("buffered", 4, fast.withDelivery(DeliveryMode.BUFFERED)),
          new NodeGroup("acked", 4, fast.withDelivery(DeliveryMode.ACKNOWLEDGED)),
          new NodeGroup("nohello", 3, fast.withHello(false))),
          new SourceAddresses.PerNode(), 0, 2);
      Ledger ledger;
      try (Fleet fleet = Fleet.start(config)) {
        Awaiting.until(() -> fleet.stats().connected() == 17, "all 17 nodes connected", Duration.ofSeconds(10));
        Awaiting.until(() -> fleet.stats().generated() >= 17 * 15, "15 readings per node", Duration.ofSeconds(10));
        ledger = fleet.stop(Duration.ofSeconds(5));
        assertEquals(List.of(), fleet.errors());
      }
      Reconciliation r = Reconciler.reconcile(ledger, server.storedKeys());
      String table = ReconciliationTable.render(r, 50);
      assertTrue(r.ok(), table);
      assertEquals(r.total().generated(), r.total().stored(), "every reading stored (seed " + SEED + ")\n" + table);
      assertEquals(0, r.total().lostInTransit(), table);
      assertEquals(0, r.total().duplicated(), table);
      assertEquals(0, r.total().lostByPlace(), table);
      assertEquals(0, server.stats().malformed(), "no malformed line without faults");
      assertEquals(0, server.stats().gaps(), "no gap without faults");
      assertTrue(ledger.totals().get(Fate.ACKED) > 0, "acknowledged nodes were acknowledged");
    }
  }
}
