package dev.hilbench.simulator.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.simulator.fault.FaultSet;
import dev.hilbench.simulator.fault.LinkPlan;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Latency, bandwidth and slicer on one write: the pieces and their release times. */
class WireCutterTest {

  private static final byte[] LINE = "12,1234567,28.3,65.0\r\n".getBytes(StandardCharsets.US_ASCII);

  private record Piece(byte[] bytes, long at) {}

  private static List<Piece> cut(String fault, long now, long notBefore) {
    LinkPlan plan = FaultSet.parse(fault.isEmpty() ? List.of() : List.of(fault)).planLink(new SplittableRandom(1));
    List<Piece> out = new ArrayList<>();
    WireCutter.cut(LINE, plan, new SplittableRandom(2), now, notBefore, (b, t) -> out.add(new Piece(b, t)));
    return out;
  }

  private static byte[] joined(List<Piece> pieces) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    pieces.forEach(p -> all.writeBytes(p.bytes()));
    return all.toByteArray();
  }

  @Test
  void aCleanLinkWritesTheLineAtOnce() {
    List<Piece> p = cut("", 1000, 0);
    assertEquals(1, p.size());
    assertEquals(1000, p.get(0).at());
  }

  @Test
  void theSlicerCutsIntoSpacedPiecesThatAddUpToTheLine() {
    List<Piece> p = cut("slicer=1,average_size=3,size_variation=1,delay=2ms", 0, 0);
    assertArrayEquals(LINE, joined(p));
    assertTrue(p.size() >= LINE.length / 4, "pieces of 2..4 bytes: " + p.size());
    for (int i = 0; i < p.size(); i++) {
      assertTrue(p.get(i).bytes().length >= 1 && p.get(i).bytes().length <= 4);
      assertEquals(i * 2_000_000L, p.get(i).at(), "piece " + i + " 2 ms after the one before");
    }
  }

  @Test
  void latencyHoldsTheWriteBackAndNothingOvertakes() {
    assertEquals(50_000_000L, cut("latency=1,latency=50", 0, 0).get(0).at());
    assertEquals(90_000_000L, cut("latency=1,latency=50", 0, 90_000_000L).get(0).at(), "not before the previous write");
    for (Piece p : cut("latency=1,latency=50,jitter=20", 0, 0)) {
      assertTrue(p.at() >= 30_000_000L && p.at() <= 70_000_000L, String.valueOf(p.at()));
    }
  }

  /** 22 bytes at 1 KB/s take 22 ms; the next write may not go out before then. */
  @Test
  void bandwidthReleasesAWriteOnceItsBytesHavePassed() {
    assertEquals(22_000_000L, cut("bandwidth,rate=1", 0, 0).get(0).at());
    assertEquals(122_000_000L, cut("bandwidth,rate=1", 0, 100_000_000L).get(0).at(), "after the previous write");
    List<Piece> sliced = cut("bandwidth,rate=1", 0, 0);
    assertArrayEquals(LINE, joined(sliced));
    List<Piece> p = cut("slicer,average_size=2,size_variation=0,delay=0", 0, 0);
    List<Piece> slow = cutBoth(1);
    for (int i = 0; i < slow.size(); i++) {
      assertEquals((i + 1) * 2_000_000L, slow.get(i).at(), "piece " + i + ": 2 bytes each at 1 KB/s");
    }
    assertEquals(p.size(), slow.size());
  }

  private static List<Piece> cutBoth(long rate) {
    LinkPlan plan = FaultSet.parse(List.of("slicer,average_size=2,size_variation=0,delay=0", "bandwidth,rate=" + rate))
        .planLink(new SplittableRandom(1));
    List<Piece> out = new ArrayList<>();
    WireCutter.cut(LINE, plan, new SplittableRandom(2), 0, 0, (b, t) -> out.add(new Piece(b, t)));
    return out;
  }
}
