package dev.hilbench.simulator.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.protocol.LineError;
import dev.hilbench.server.DeviceSnapshot;
import dev.hilbench.simulator.DeliveryMode;
import dev.hilbench.simulator.Fleet;
import dev.hilbench.simulator.FleetConfig;
import dev.hilbench.simulator.NodeGroup;
import dev.hilbench.simulator.NodeProfile;
import dev.hilbench.simulator.fault.FaultSet;
import dev.hilbench.simulator.fault.RebootLink;
import dev.hilbench.simulator.ledger.Fate;
import dev.hilbench.simulator.ledger.Ledger;
import dev.hilbench.simulator.ledger.LedgerRecord;
import dev.hilbench.simulator.net.SourceAddresses;
import dev.hilbench.simulator.policy.BackoffSettings;
import dev.hilbench.simulator.reconcile.Reconciler;
import dev.hilbench.simulator.reconcile.Reconciliation;
import dev.hilbench.simulator.reconcile.ReconciliationTable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each fault against the real server over loopback: what the server sees on the wire, and that
 * the ledger still reconciles with its store.
 */
class FaultsOnTheWireTest {

  private static final long SEED = 4242;
  private static final NodeProfile FAST = NodeProfile.CLASSROOM.withInterval(Duration.ofMillis(50))
      .withAssociation(Duration.ofMillis(10)).withReconnect(BackoffSettings.CLASSROOM.withBase(Duration.ofMillis(50)));

  @TempDir Path dir;

  /** Runs {@code nodes} nodes of {@code profile} until each generated {@code readings}, then reconciles. */
  private Outcome run(int nodes, NodeProfile profile, int readings, Duration idleTimeout, Consumer<Fleet> during)
      throws Exception {
    try (LiveServer server = LiveServer.start(dir, idleTimeout)) {
      FleetConfig config = new FleetConfig(server.address(), SEED, "wire", List.of(new NodeGroup("n", nodes, profile)),
          new SourceAddresses.PerNode(), 0, 1);
      Ledger ledger;
      try (Fleet fleet = Fleet.start(config)) {
        Awaiting.until(() -> fleet.stats().connects() >= nodes, "every node connected once", Duration.ofSeconds(10));
        during.accept(fleet);
        Awaiting.until(() -> fleet.nodes().stream().allMatch(n -> n.nextSeq() >= readings),
            readings + " readings per node", Duration.ofSeconds(20));
        ledger = fleet.stop(Duration.ofSeconds(5));
        assertEquals(List.of(), fleet.errors(), "no exception in the event loops");
      }
      Reconciliation rec = Reconciler.reconcile(ledger, server.storedKeys());
      String table = ReconciliationTable.render(rec, 20);
      assertTrue(rec.ok(), "seed " + SEED + "\n" + table);
      return new Outcome(ledger, rec, server.devices(), server.stats().malformedByCode(), table);
    }
  }

  record Outcome(Ledger ledger, Reconciliation rec, List<DeviceSnapshot> devices,
      java.util.Map<LineError, Long> malformed, String table) {
    long fate(Fate f) {
      return ledger.totals().get(f);
    }

    long malformed(LineError e) {
      return malformed.getOrDefault(e, 0L);
    }

    long sum(java.util.function.ToLongFunction<DeviceSnapshot> f) {
      return devices.stream().mapToLong(f).sum();
    }
  }

  @Test
  void partialWritesAreReassembled() throws Exception {
    Outcome o = run(3, FAST.withFaults(FaultSet.parse(List.of("slicer=1,average_size=2,size_variation=1,delay=500us"))),
        20, Duration.ofSeconds(60), f -> { });
    assertEquals(0, o.sum(DeviceSnapshot::malformed), "a line cut in pieces is still one valid line\n" + o.table());
    assertEquals(o.rec().total().generated(), o.rec().total().stored(), o.table());
  }

  @Test
  void coalescedLinesAreSplit() throws Exception {
    Outcome o = run(3, FAST.withFaults(FaultSet.parse(List.of("coalesce=0.5,count=4"))), 24, Duration.ofSeconds(60), f -> { });
    assertEquals(0, o.sum(DeviceSnapshot::malformed), o.table());
    assertEquals(o.rec().total().generated(), o.rec().total().stored(), "several lines in one write are all stored\n" + o.table());
  }

  @Test
  void mangledLinesAreReportedAndNotStored() throws Exception {
    Outcome o = run(3, FAST.withFaults(FaultSet.parse(List.of("corrupt=0.1", "oversize=0.05", "binary=0.05"))), 40,
        Duration.ofSeconds(60), f -> { });
    assertTrue(o.fate(Fate.MANGLED) > 0, "some lines were mangled (seed " + SEED + ")");
    assertEquals(o.fate(Fate.MANGLED), o.sum(DeviceSnapshot::malformed), "one malformed line per mangled reading\n" + o.table());
    assertTrue(o.malformed(LineError.OVERSIZE) > 0 && o.malformed(LineError.INVALID_BYTE) > 0, o.malformed().toString());
  }

  @Test
  void droppedReadingsAndSensorFailuresShowAsGaps() throws Exception {
    Outcome o = run(3, FAST.withFaults(FaultSet.parse(List.of("drop=0.1", "sensor_fail=0.1"))), 40, Duration.ofSeconds(60), f -> { });
    long lost = o.fate(Fate.DROPPED) + o.fate(Fate.SENSOR_FAIL);
    assertTrue(lost > 0, "seed " + SEED);
    // A loss after the last stored reading is no gap (nothing after it arrived): leave those out.
    long trailing = 0;
    for (LedgerRecord r : o.ledger().records()) {
      for (int i = r.fates().length() - 1; i >= 0 && "df".indexOf(r.fates().charAt(i)) >= 0; i--) {
        trailing++;
      }
    }
    assertEquals(lost - trailing, o.sum(DeviceSnapshot::gaps), "every loss before the last reading is a gap\n" + o.table());
  }

  @Test
  void aSilentNodeIsClosedByTheIdleTimeoutAndComesBack() throws Exception {
    Outcome o = run(2, FAST, 60, Duration.ofMillis(400), fleet -> fleet.silence(0, Duration.ofMillis(1200)));
    DeviceSnapshot silent = o.devices().stream().filter(d -> d.device().equals("n-0001")).findFirst().orElseThrow();
    assertEquals(1, silent.idleTimeouts(), "the half-open connection was closed by the idle timeout");
    assertTrue(silent.connects() >= 2, "the node reconnected after the silence");
    assertTrue(o.fate(Fate.SILENCED) > 0, "classroom readings written into the dead link are lost\n" + o.table());
  }

  @Test
  void acknowledgedNodesLoseNothingToSilence() throws Exception {
    Outcome o = run(2, FAST.withDelivery(DeliveryMode.ACKNOWLEDGED), 60, Duration.ofMillis(400),
        fleet -> fleet.silence(0, Duration.ofMillis(1200)));
    assertEquals(0, o.fate(Fate.SILENCED), o.table());
    assertEquals(o.rec().total().generated(), o.rec().total().stored(), "kept until acknowledged, resent after\n" + o.table());
  }

  @Test
  void rebootsAreDetected() throws Exception {
    Outcome o = run(2, FAST, 30, Duration.ofSeconds(60), fleet -> {
      Awaiting.until(() -> fleet.node(0).nextSeq() >= 5, "node 0 has sent a few readings", Duration.ofSeconds(5));
      fleet.reboot(0, RebootLink.ORPHAN);
    });
    List<LedgerRecord> boots = o.ledger().records().stream().filter(r -> r.device().equals("n-0001")).toList();
    assertEquals(2, boots.size(), "a second boot in the ledger");
    DeviceSnapshot d = o.devices().stream().filter(x -> x.device().equals("n-0001")).findFirst().orElseThrow();
    assertEquals(1, d.reboots(), "the server saw the new boot id");
    assertEquals(1, d.takeovers(), "the new connection took over the half-open one");
  }

  @Test
  void aResetMidLineLeavesATruncatedLineAndBufferedNodesResend() throws Exception {
    Outcome o = run(2, FAST.withDelivery(DeliveryMode.BUFFERED)
            .withFaults(FaultSet.parse(List.of("reset_peer=1,timeout=300,mid_line=true"))),
        30, Duration.ofSeconds(60), f -> { });
    assertTrue(o.sum(DeviceSnapshot::reconnects) >= 2, "reset connections were re-established\n" + o.table());
  }

  @Test
  void limitDataClosesMidLineAndTheServerReportsTheTruncatedLine() throws Exception {
    Outcome o = run(2, FAST.withDelivery(DeliveryMode.BUFFERED).withFaults(FaultSet.parse(List.of("limit_data=1,bytes=200"))),
        40, Duration.ofSeconds(60), f -> { });
    assertTrue(o.malformed(LineError.TRUNCATED) > 0, "a FIN inside a line: " + o.malformed());
    assertEquals(o.rec().total().generated(), o.rec().total().stored(),
        "buffered nodes resend the line they could not finish\n" + o.table());
  }

  @Test
  void aBlackHoledLinkIsClosedByTheServerAndItsReadingsAreLost() throws Exception {
    Outcome o = run(1, FAST.withFaults(FaultSet.parse(List.of("timeout=1,timeout=0"))), 30, Duration.ofMillis(300), f -> { });
    assertTrue(o.sum(DeviceSnapshot::idleTimeouts) >= 1 || o.devices().isEmpty(), o.table());
    assertEquals(0, o.rec().total().stored(), o.table());
    assertEquals(o.fate(Fate.SILENCED) + o.fate(Fate.CUT) + o.fate(Fate.OFFLINE) + o.fate(Fate.UNSENT),
        o.rec().total().generated(), o.table());
  }

  @Test
  void connectionAttemptsSlowerThanTheConnectTimeoutFailAndAreRetried() throws Exception {
    NodeProfile impatient = FAST.withReconnect(FAST.reconnect().withConnectTimeout(Duration.ofMillis(150)))
        .withFaults(FaultSet.parse(List.of("slow_connect=0.5,delay=400")));
    try (LiveServer server = LiveServer.start(dir)) {
      FleetConfig config = new FleetConfig(server.address(), SEED, "slow", List.of(new NodeGroup("n", 6, impatient)),
          new SourceAddresses.PerNode(), 0, 1);
      try (Fleet fleet = Fleet.start(config)) {
        Awaiting.until(() -> fleet.stats().connected() == 6 && fleet.stats().connectTimeouts() > 0,
            "all six connected after some attempts timed out", Duration.ofSeconds(10));
      }
    }
  }
}
