package dev.hilbench.features.dut.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hilbench.features.dut.DeliveryMode;
import dev.hilbench.features.truth.BootHistory;
import dev.hilbench.features.truth.Fate;
import dev.hilbench.features.truth.GroundTruth;
import dev.hilbench.features.truth.Values;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SerialLedgerTest {

  @Test
  void aClassroomBootWithEveryKindOfFate() {
    GroundTruth truth = SerialLedger.read(List.of(
        "ets Jan  8 2013,rst cause:2, boot mode:(3,6)",
        "HB boot device=esp-00a1 fw=0.1.0 boot=1f2e3d4c seed=42",
        "HB config source=loaded server=10.0.0.2:5050 mode=classroom interval=200",
        "HB wifi up ip=10.0.0.7",
        "HB connect ok server=10.0.0.2:5050",
        "HB sent seq=0 millis=200 t=23.4 h=56.0",
        "HB sensor_fail seq=1 fault=sensor_fail",
        "HB drop seq=2 fault=drop",
        "HB drop seq=3 fault=corrupt",
        "OK fault corrupt=0.1",
        "HB disconnect reason=eof backoff_ms=120",
        "HB lost seq=4 reason=not_connected",
        "HB connect ok server=10.0.0.2:5050",
        "HB sent seq=5 millis=1200 t=23.5 h=56.0"), DeliveryMode.CLASSROOM);
    assertEquals(1, truth.boots().size());
    BootHistory boot = truth.boots().get(0);
    assertEquals("esp-00a1", boot.device());
    assertEquals("1f2e3d4c", boot.boot());
    assertEquals("0.1.0", boot.firmware());
    assertEquals(Map.of(0L, Fate.SENT, 1L, Fate.notSent("sensor_fail"), 2L, Fate.notSent("drop"),
        3L, Fate.notSent("corrupt"), 4L, Fate.notSent("not_connected"), 5L, Fate.SENT), boot.fates());
    assertEquals(Map.of(0L, new Values(200, 23.4, 56.0), 5L, new Values(1200, 23.5, 56.0)), boot.values());
    assertEquals(1, boot.abruptEnds());
    assertEquals(6, boot.generated());
    assertEquals(2, truth.written("esp-00a1"));
  }

  @Test
  void acknowledgementsAreCumulativeAndResendsAfterADisconnectStayUnacked() {
    GroundTruth truth = SerialLedger.read(List.of(
        "HB boot device=n1 fw=1 boot=b1",
        "HB sent seq=0 millis=100 t=20.0 h=40.0",
        "HB sent seq=1 millis=200 t=20.0 h=40.0",
        "HB sent seq=2 millis=300 t=20.0 h=40.0",
        "HB ack seq=1 released=2",
        "HB disconnect reason=reset backoff_ms=50",
        "HB buffered count=2",
        "HB connect ok server=h:1",
        "HB sent seq=2 millis=300 t=20.0 h=40.0",
        "HB sent seq=3 millis=400 t=20.0 h=40.0"), DeliveryMode.ACK);
    assertEquals(Map.of(0L, Fate.ACKED, 1L, Fate.ACKED, 2L, Fate.UNACKED, 3L, Fate.UNACKED),
        truth.boots().get(0).fates());
  }

  @Test
  void seqsTheLogDoesNotNameYetAreStillInsideTheNode() {
    GroundTruth truth = SerialLedger.read(List.of(
        "HB boot device=n1 fw=1 boot=b1",
        "HB sent seq=0 millis=100 t=20.0 h=40.0",
        "HB buffered count=1",
        "HB buffered count=2",
        "HB sent seq=3 millis=400 t=20.0 h=40.0"), DeliveryMode.BUFFERED);
    BootHistory boot = truth.boots().get(0);
    assertEquals(Fate.PENDING, boot.fate(1));
    assertEquals(Fate.PENDING, boot.fate(2));
    assertEquals(4, boot.generated());
  }

  @Test
  void eachBootLineStartsANewBootAndLinesBeforeTheFirstAreIgnored() {
    GroundTruth truth = SerialLedger.read(List.of(
        "HB sent seq=9 millis=1 t=1.0 h=1.0",
        "HB boot device=n1 fw=1 boot=b1",
        "HB sent seq=0 millis=100 t=20.0 h=40.0",
        "HB reboot reason=fault next_seq=1",
        "HB boot device=n1 fw=1 boot=b2",
        "HB sent seq=0 millis=90 t=21.0 h=41.0"), DeliveryMode.CLASSROOM);
    assertEquals(List.of("b1", "b2"), truth.boots().stream().map(BootHistory::boot).toList());
    assertEquals(List.of("n1"), truth.devices());
    assertEquals(2, truth.written("n1"));
  }
}
