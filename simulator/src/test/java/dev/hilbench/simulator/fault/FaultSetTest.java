package dev.hilbench.simulator.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.protocol.LineCodec;
import dev.hilbench.protocol.LineFramer;
import dev.hilbench.protocol.Malformed;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FaultSetTest {

  private static final String LINE = "12,1234567,28.3,65.0";

  @Test
  void parsesTheSharedTextIntoItsCanonicalForm() {
    FaultSpec s = FaultSpec.parse("slicer=0.5,average_size=3,delay=2ms");
    assertEquals("slicer", s.name());
    assertEquals(0.5, s.probability());
    assertEquals(Map.of("average_size", "3", "size_variation", "2", "delay", "2000", "stream", "upstream"), s.params());
    assertEquals("slicer=0.5,average_size=3,size_variation=2,delay=2000,stream=upstream", s.toString());
    assertEquals(s, FaultSpec.parse(s.toString()));
  }

  /** The record the features module constructs: checked and made canonical like parsed text. */
  @Test
  void theRecordFromPartsIsTheSameAsFromText() {
    assertEquals(FaultSpec.parse("coalesce,count=3"), new FaultSpec("coalesce", 1.0, Map.of("count", "3")));
    assertEquals(FaultSpec.parse("silence=0.01,duration=5000"), new FaultSpec("silence", 0.01, Map.of("duration", "5s")));
    assertEquals(FaultSpec.parse("drop"), new FaultSpec("drop", 1, Map.of()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FaultSpec("meltdown", 1, Map.of()));
    assertTrue(e.getMessage().startsWith("unknown fault 'meltdown'"), e.getMessage());
  }

  @Test
  void refusesUnknownNamesParametersAndBadProbabilities() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FaultSet.parse(List.of("dorp=0.1")));
    assertTrue(e.getMessage().contains("unknown fault 'dorp'") && e.getMessage().contains("sensor_fail"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> FaultSet.parse(List.of("slicer=1,avg=3")));
    assertTrue(e.getMessage().contains("unknown parameter 'avg'") && e.getMessage().contains("average_size"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> FaultSet.parse(List.of("drop=1.5")));
    assertEquals("probability 1.5 is above 1 in 'drop=1.5'", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> FaultSet.parse(List.of("coalesce=1,count=x")));
    assertTrue(e.getMessage().startsWith("count 'x' is not a whole number in 'coalesce=1,count=x'"), e.getMessage());
  }

  @Test
  void whatTheSimulatorDoesNotSimulateIsRefusedWithTheReason() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FaultSet.parse(List.of("down")));
    assertEquals("fault 'down=1': down is the proxy's (./hilbench proxy, between the nodes and the server); "
        + "the simulator does not simulate it", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> FaultSet.parse(List.of("latency,stream=downstream")));
    assertTrue(e.getMessage().startsWith("fault 'latency=1,latency=100,jitter=0,stream=downstream': the simulator applies "
        + "network faults to what its nodes send (stream=upstream)"), e.getMessage());
  }

  @Test
  void everyVocabularyNameButDownIsSimulated() {
    List<String> expected = new java.util.ArrayList<>(dev.hilbench.protocol.fault.FaultVocabulary.names());
    expected.remove("down");
    assertEquals(expected, FaultCatalog.names());
    for (String name : expected) {
      FaultSet.parse(List.of(name.equals("bandwidth") ? "bandwidth,rate=10" : name)); // builds with the defaults
    }
  }

  @Test
  void probabilityOneAlwaysFiresZeroNever() {
    FaultSet always = FaultSet.parse(List.of("drop=1"));
    FaultSet never = FaultSet.parse(List.of("drop=0"));
    SplittableRandom r = new SplittableRandom(1);
    for (int i = 0; i < 100; i++) {
      CycleOutcome a = new CycleOutcome(LINE), n = new CycleOutcome(LINE);
      always.rollCycle(a, r);
      never.rollCycle(n, r);
      assertTrue(a.dropped());
      assertTrue(!n.dropped());
    }
  }

  @Test
  void probabilityIsHonouredOverManyCycles() {
    FaultSet f = FaultSet.parse(List.of("sensor_fail=0.1"));
    SplittableRandom r = new SplittableRandom(99);
    int fired = 0;
    for (int i = 0; i < 20_000; i++) {
      CycleOutcome o = new CycleOutcome(LINE);
      f.rollCycle(o, r);
      fired += o.sensorFailed() ? 1 : 0;
    }
    assertEquals(2000, fired, 200, "sensor_fail=0.1 over 20000 cycles (seed 99)");
  }

  @Test
  void oneFaultFiringDoesNotShiftTheDecisionsOfTheNext() {
    // The drop decisions must be the same whether corrupt (which draws extra numbers) is 0 or 1.
    FaultSet withCorrupt = FaultSet.parse(List.of("corrupt=1", "drop=0.5"));
    FaultSet without = FaultSet.parse(List.of("corrupt=0", "drop=0.5"));
    for (long seed = 0; seed < 200; seed++) {
      CycleOutcome a = new CycleOutcome(LINE), b = new CycleOutcome(LINE);
      withCorrupt.rollCycle(a, new SplittableRandom(seed));
      without.rollCycle(b, new SplittableRandom(seed));
      assertEquals(a.dropped(), b.dropped(), "seed " + seed);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4})
  void everyCorruptVariantIsMalformed(int variant) {
    for (String line : List.of(LINE, "0,0,-3.5,0.0", "4294967295,4294967295,80.0,100.0")) {
      String bad = Corrupt.variant(line, variant);
      assertInstanceOf(Malformed.class, LineCodec.decode(bad), "variant " + variant + " of " + line + ": " + bad);
    }
  }

  @Test
  void binaryAndOversizeAreRejectedByFramerOrCodec() {
    SplittableRandom r = new SplittableRandom(5);
    for (int i = 0; i < 200; i++) {
      CycleOutcome o = new CycleOutcome(LINE);
      new Binary().apply(o, r);
      assertInstanceOf(Malformed.class, LineCodec.decode(o.mangled(), 0, o.mangled().length), "binary attempt " + i);
      for (byte b : o.mangled()) {
        assertTrue(b != '\n', "binary must not insert LF");
      }
    }
    CycleOutcome o = new CycleOutcome(LINE);
    new Oversize(300).apply(o, r);
    assertEquals(300, o.mangled().length);
    assertTrue(o.mangled().length > LineFramer.DEFAULT_MAX_LINE_LENGTH);
    assertEquals("oversize", o.mangledBy());
  }

  @Test
  void linkFaultsShapeThePlan() {
    FaultSet f = FaultSet.parse(List.of("slicer=1,average_size=3,size_variation=1,delay=2ms", "latency=1,latency=50",
        "reset_peer=1,timeout=2s,mid_line=true", "limit_data=1,bytes=40", "slow_connect=1,delay=300", "bandwidth,rate=5"));
    LinkPlan p = f.planLink(new SplittableRandom(3));
    assertEquals(3, p.sliceAverage());
    assertEquals(1, p.sliceVariation());
    assertEquals(2000, p.sliceDelayMicros());
    assertEquals(50, p.latencyMillis());
    assertEquals(2000, p.resetAfterMillis());
    assertTrue(p.resetMidLine());
    assertEquals(40, p.limitBytes());
    assertEquals(300, p.connectDelayMillis());
    assertEquals(5, p.bandwidthKilobytesPerSecond());
    assertTrue(FaultSet.NONE.planLink(new SplittableRandom(3)).clean());
  }

  @Test
  void deviceFaultsMarkTheOutcome() {
    FaultSet f = FaultSet.parse(List.of("coalesce=1,count=4", "silence=1,duration=3s", "reboot=1,link=rst"));
    CycleOutcome o = new CycleOutcome(LINE);
    f.rollCycle(o, new SplittableRandom(1));
    assertEquals(4, o.coalesce());
    assertEquals(3000, o.silenceMillis());
    assertEquals(RebootLink.RST, o.reboot());
    assertNotNull(o.line());
  }

  @Test
  void theFirstManglingWins() {
    CycleOutcome o = new CycleOutcome(LINE);
    FaultSet.parse(List.of("oversize=1,size=400", "corrupt=1")).rollCycle(o, new SplittableRandom(1));
    assertEquals("oversize", o.mangledBy());
    assertEquals(400, o.mangled().length);
  }
}
