package dev.hilbench.simulator.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.simulator.DeliveryMode;
import dev.hilbench.simulator.NodeProfile;
import dev.hilbench.simulator.fault.FaultSet;
import dev.hilbench.simulator.fault.RebootLink;
import dev.hilbench.simulator.ledger.LedgerRecord;
import dev.hilbench.simulator.policy.BackoffSettings;
import dev.hilbench.simulator.policy.PolicyKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One node's life in virtual time: what it writes, when it retries, and the fate of every reading. */
class SimNodeTest {

  private static final long SEED = 5;
  private static final NodeProfile ONE_SECOND = NodeProfile.CLASSROOM.withInterval(Duration.ofSeconds(1));

  private final VirtualHost host = new VirtualHost();

  private SimNode node(NodeProfile profile) {
    SimNode n = new SimNode(0, "sim-0001", "sim-0001", "sim", "r1", profile, SEED, host);
    n.powerOn(0);
    return n;
  }

  private static String fates(SimNode n) {
    return n.ledger().get(n.ledger().size() - 1).fates();
  }

  @Test
  void aClassroomNodeSaysHelloAndSendsOneLinePerInterval() {
    SimNode n = node(ONE_SECOND);
    host.advance(5_000); // connected at 201 ms, readings at 0.201 s, 1.201 s, ... 4.201 s
    List<String> lines = host.last().lines();
    assertEquals("#hello device=sim-0001 fw=sim-1.0 boot=r1.0 ack=0", lines.get(0));
    assertEquals(6, lines.size(), "hello and readings 0..4: " + lines);
    for (int seq = 0; seq < 5; seq++) {
      assertTrue(lines.get(seq + 1).startsWith(seq + ","), lines.get(seq + 1));
    }
    assertEquals("SSSSS", fates(n));
    assertEquals(5, n.nextSeq());
  }

  @Test
  void withoutAServerAClassroomNodeLosesEveryReadingAndRetriesEveryTwoSeconds() {
    host.serverUp = false;
    SimNode n = node(ONE_SECOND);
    host.advance(7_000);
    // Association 200 ms, then attempts 2 s apart (each fails 1 ms after it starts).
    assertEquals(List.of(200L, 2201L, 4202L, 6203L), host.attemptsAt);
    assertTrue(fates(n).matches("o+"), "offline: " + fates(n));
  }

  @Test
  void exponentialBackoffSpacesTheAttempts() {
    host.serverUp = false;
    BackoffSettings exp = new BackoffSettings(PolicyKind.EXPONENTIAL, Duration.ofSeconds(1), Duration.ofSeconds(8), 2,
        Duration.ofSeconds(10), Duration.ofSeconds(5));
    node(ONE_SECOND.withReconnect(exp));
    host.advance(40_000);
    List<Long> gaps = new java.util.ArrayList<>();
    for (int i = 1; i < host.attemptsAt.size(); i++) {
      gaps.add(host.attemptsAt.get(i) - host.attemptsAt.get(i - 1) - 1);
    }
    assertEquals(List.of(1000L, 2000L, 4000L, 8000L, 8000L, 8000L), gaps.subList(0, 6));
  }

  @Test
  void aBufferedNodeKeepsWhatItCouldNotSendAndDropsTheOldestWhenFull() {
    host.serverUp = false;
    SimNode n = node(ONE_SECOND.withDelivery(DeliveryMode.BUFFERED).withBuffer(3));
    host.advance(5_100);               // readings 0..4 at 1 s, 2 s, ... while down: 0 and 1 pushed out of the ring of 3
    host.serverUp = true;
    host.advance(2_000);               // reading 5 at 6 s pushes out 2; the attempt at 6.2 s connects
    List<String> lines = host.last().lines();
    assertTrue(lines.get(1).startsWith("3,") && lines.get(2).startsWith("4,") && lines.get(3).startsWith("5,"), lines.toString());
    assertEquals("vvvSSSS", fates(n));
  }

  @Test
  void anAcknowledgedNodeResendsWhatWasNotAcknowledged() {
    SimNode n = node(ONE_SECOND.withDelivery(DeliveryMode.ACKNOWLEDGED));
    host.advance(3_000);               // readings 0..2 written (at 0.201 s, 1.201 s, 2.201 s)
    VirtualHost.VirtualLink first = host.last();
    first.ack(0);
    assertEquals("A..", fates(n));
    first.serverCloses();              // 1 and 2 written but never acknowledged
    host.advance(2_500);               // the connection was not stable: the retry waits 2 s
    VirtualHost.VirtualLink second = host.last();
    List<String> lines = second.lines();
    assertEquals("#hello device=sim-0001 fw=sim-1.0 boot=r1.0 ack=1", lines.get(0));
    assertTrue(lines.get(1).startsWith("1,") && lines.get(2).startsWith("2,"), "resent in order: " + lines);
    second.ack(n.nextSeq() - 1);
    assertTrue(fates(n).matches("A+"), fates(n));
    assertEquals(2, n.ledger().get(0).resends(), "1 and 2 written twice");
    assertEquals(1, n.ledger().get(0).abruptEnds());
  }

  @Test
  void aRebootStartsANewBootFromSeqZeroAndLosesTheRam() {
    SimNode n = node(ONE_SECOND.withDelivery(DeliveryMode.BUFFERED));
    host.advance(3_500);
    host.last().serverCloses();        // the node keeps readings in its ring while reconnecting
    host.advance(1_000);               // reading 3 buffered
    n.reboot(RebootLink.ORPHAN);
    host.advance(3_000);
    List<LedgerRecord> boots = n.ledger();
    assertEquals(2, boots.size());
    assertEquals("r1.1", boots.get(1).boot());
    assertTrue(boots.get(0).fates().endsWith("r"), "the buffered reading died with the RAM: " + boots.get(0).fates());
    assertTrue(host.last().lines().get(1).startsWith("0,"), "seq from 0 again: " + host.last().lines());
  }

  @Test
  void limitDataCutsALineAndABufferedNodeSendsItWholeAgain() {
    SimNode n = node(ONE_SECOND.withDelivery(DeliveryMode.BUFFERED).withReconnect(BackoffSettings.CLASSROOM.withBase(Duration.ofMillis(100)))
        .withFaults(FaultSet.parse(List.of("limit_data=1,bytes=70"))));
    host.advance(6_500);
    VirtualHost.VirtualLink first = host.links.get(0);
    assertEquals(70, first.written, "the first connection carried exactly 70 bytes");
    assertEquals(dev.hilbench.simulator.node.Link.Close.FIN, first.closedWith);
    String all = String.join("|", host.links.stream().flatMap(l -> l.lines().stream()).toList());
    assertTrue(fates(n).startsWith("SSSSS"), fates(n) + " over " + all);
  }

  @Test
  void faultsChangedWhileRunningApplyFromTheNextCycle() {
    SimNode n = node(ONE_SECOND);
    host.advance(3_000);
    n.setFaults(FaultSet.parse(List.of("drop=1")));
    host.advance(2_000);
    assertEquals("SSSdd", fates(n));
    n.setFaults(FaultSet.NONE);
    host.advance(1_000);
    assertEquals("SSSddS", fates(n));
  }

  @Test
  void aSlowConnectBeyondTheTimeoutFailsAndIsRetried() {
    // Every attempt is 3 s slow: with a 5 s timeout that is slow, with the virtual host it simply connects later.
    node(ONE_SECOND.withFaults(FaultSet.parse(List.of("slow_connect=1,delay=3000"))));
    host.advance(3_100);
    assertEquals(1, host.links.size());
    assertTrue(host.last().lines().isEmpty(), "not connected before 3.2 s");
    host.advance(200);
    assertTrue(host.last().lines().get(0).startsWith("#hello"), host.last().lines().toString());
  }
}
