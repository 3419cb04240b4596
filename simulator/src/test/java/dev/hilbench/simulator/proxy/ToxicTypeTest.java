package dev.hilbench.simulator.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.protocol.fault.FaultKind;
import dev.hilbench.protocol.fault.FaultSpec;
import dev.hilbench.protocol.fault.FaultSpecException;
import dev.hilbench.protocol.fault.FaultVocabulary;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The toxics: the vocabulary's network faults, built from checked specs, and clear refusals. */
class ToxicTypeTest {

  @Test
  void theToxicsAreTheVocabularysNetworkFaultsButDown() {
    assertEquals(FaultVocabulary.names(FaultKind.NETWORK).stream().filter(n -> !n.equals("down")).toList(), ToxicType.names());
    assertEquals(ToxicType.RESET_PEER, ToxicType.named("reset_peer"));
    assertEquals(FaultVocabulary.find("slicer").orElseThrow().help(), ToxicType.SLICER.help());
  }

  @Test
  void everyToxicBuildsFromASpecWithItsDefaults() {
    SplittableRandom random = new SplittableRandom(1);
    assertInstanceOf(LatencyToxic.class, ToxicType.LATENCY.create(FaultSpec.parse("latency"), random));
    assertInstanceOf(BandwidthToxic.class, ToxicType.BANDWIDTH.create(FaultSpec.parse("bandwidth,rate=10"), random));
    assertInstanceOf(SlicerToxic.class, ToxicType.SLICER.create(FaultSpec.parse("slicer"), random));
    assertInstanceOf(TimeoutToxic.class, ToxicType.TIMEOUT.create(FaultSpec.parse("timeout"), random));
    assertInstanceOf(ResetPeerToxic.class, ToxicType.RESET_PEER.create(FaultSpec.parse("reset_peer,mid_line=true"), random));
    assertInstanceOf(LimitDataToxic.class, ToxicType.LIMIT_DATA.create(FaultSpec.parse("limit_data"), random));
  }

  @Test
  void aNameThatIsNoToxicSaysWhy() {
    assertEquals("drop is a device fault: the node applies it (./hilbench simulate --fault, or the firmware console's fault "
            + "command), not the proxy (toxics: latency, bandwidth, slicer, timeout, reset_peer, limit_data)",
        assertThrows(IllegalArgumentException.class, () -> ToxicType.named("drop")).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ToxicType.named("down")).getMessage()
        .startsWith("down is not a toxic of a link but the proxy's state"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ToxicType.named("nope")).getMessage()
        .startsWith("unknown toxic 'nope'"));
  }

  @Test
  void aHandleReadsAsTheConsoleTakesIt() {
    ToxicHandle h = new ToxicHandle(2, FaultSpec.parse("slicer=0.5,average_size=3,stream=downstream"));
    assertEquals("#2 slicer=0.5,average_size=3,size_variation=2,delay=1000,stream=downstream", h.toString());
    assertEquals(ToxicType.SLICER, h.type());
    assertEquals(Direction.DOWNSTREAM, h.stream());
    assertEquals(0.5, h.toxicity());
    assertThrows(IllegalArgumentException.class, () -> new ToxicHandle(3, FaultSpec.parse("coalesce")));
  }

  /** The Java API the features use: a name, a direction, a toxicity and parameters as numbers. */
  @Test
  void partsFromTheJavaApiGoThroughTheVocabulary() throws IOException {
    try (Proxy proxy = Proxy.start(new InetSocketAddress("127.0.0.1", 0), new InetSocketAddress("127.0.0.1", 9), 1)) {
      Map<String, Object> params = new LinkedHashMap<>();
      params.put("delay", 500L);
      params.put("average_size", 2);
      assertEquals("#1 slicer=1,average_size=2,size_variation=2,delay=500,stream=upstream",
          proxy.addToxic("slicer", Direction.UPSTREAM, 1, params).toString());
      assertEquals("#2 reset_peer=0.5,timeout=300,mid_line=true,stream=downstream",
          proxy.addToxic("reset_peer", Direction.DOWNSTREAM, 0.5, Map.of("timeout", "300ms", "mid_line", true)).toString());

      FaultSpecException e = assertThrows(FaultSpecException.class,
          () -> proxy.addToxic("latency", Direction.UPSTREAM, 1, Map.of("latency", 2.5)));
      assertEquals("latency '2.5' is not a whole number in 'latency=1,latency=2.5,stream=upstream' (in ms, or with a unit: us, ms, s)",
          e.getMessage());
      assertThrows(FaultSpecException.class, () -> proxy.addToxic("bandwidth", Direction.UPSTREAM, 1, Map.of()));
      assertThrows(FaultSpecException.class, () -> proxy.addToxic("latency", Direction.UPSTREAM, 1.5, Map.of()));
      assertThrows(IllegalArgumentException.class, () -> proxy.addToxic("drop", Direction.UPSTREAM, 1, Map.of()));
      assertThrows(IllegalArgumentException.class, () -> proxy.addToxic(FaultSpec.parse("down")));
      assertEquals(2, proxy.toxics().size(), "only the good ones were added");
    }
  }
}
