package dev.hilbench.hil.slip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.hil.Hex;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SlipCodecTest {

  /** Collects what the decoder reports as text: "frame:hex", "junk:hex", "error:reason". */
  static final class Recorder implements SlipDecoder.Sink {
    final List<String> events = new ArrayList<>();
    private final StringBuilder junk = new StringBuilder();

    @Override
    public void frame(byte[] frame) {
      flushJunk();
      events.add("frame:" + Hex.of(frame));
    }

    @Override
    public void junk(int b) {
      junk.append(junk.isEmpty() ? "" : " ").append(String.format("%02x", b));
    }

    @Override
    public void error(String reason) {
      flushJunk();
      events.add("error:" + reason);
    }

    List<String> done() {
      flushJunk();
      return events;
    }

    private void flushJunk() {
      if (!junk.isEmpty()) {
        events.add("junk:" + junk);
        junk.setLength(0);
      }
    }
  }

  /** The ESF-old test.cpp vector: every special byte, escaped and back. */
  @Test
  void encodesTheEspSerialFlasherVector() {
    byte[] packet = Hex.bytes("DB 61 62 63 C0 DB 64 65 C0 66 DB");
    byte[] encoded = SlipEncoder.encode(packet);
    assertEquals("c0 db dd 61 62 63 db dc db dd 64 65 db dc 66 db dd c0", Hex.of(encoded));
  }

  static Stream<Arguments> wire() {
    return Stream.of(
        Arguments.of("the reference vector",
            "c0 db dd 61 62 63 db dc db dd 64 65 db dc 66 db dd c0",
            List.of("frame:db 61 62 63 c0 db 64 65 c0 66 db")),
        Arguments.of("the ESP8266 SYNC reply",
            "c0 01 08 02 00 07 07 12 20 00 00 c0",
            List.of("frame:01 08 02 00 07 07 12 20 00 00")),
        Arguments.of("two frames back to back",
            "c0 01 c0 c0 02 c0",
            List.of("frame:01", "frame:02")),
        Arguments.of("boot noise before a frame is junk, not an error",
            "65 74 73 0a c0 01 0a c0",
            List.of("junk:65 74 73 0a", "frame:01 0a")),
        Arguments.of("empty frames are delimiters",
            "c0 c0 c0 01 c0 c0",
            List.of("frame:01")),
        Arguments.of("listening from the middle of a frame: its end starts an empty frame, the next start resyncs",
            "07 12 c0 c0 01 08 c0",
            List.of("junk:07 12", "frame:01 08")),
        Arguments.of("a bad escape drops the frame up to its end; the next frame is fine",
            "c0 01 db 41 02 c0 c0 03 c0",
            List.of("error:Invalid SLIP escape (0xdb, 0x41)", "frame:03")),
        Arguments.of("a bad escape by an end byte ends the frame there",
            "c0 01 db c0 c0 04 c0",
            List.of("error:Invalid SLIP escape (0xdb, 0xc0)", "frame:04")));
  }

  @ParameterizedTest(name = "{0}: whole")
  @MethodSource("wire")
  void decodesWholeInput(String name, String wire, List<String> expected) {
    assertEquals(expected, decode(List.of(Hex.bytes(wire))));
  }

  @ParameterizedTest(name = "{0}: one byte at a time")
  @MethodSource("wire")
  void decodesInputSplitIntoSingleBytes(String name, String wire, List<String> expected) {
    List<byte[]> chunks = new ArrayList<>();
    for (byte b : Hex.bytes(wire)) {
      chunks.add(new byte[] {b});
    }
    assertEquals(expected, decode(chunks));
  }

  @ParameterizedTest(name = "{0}: split at every point")
  @MethodSource("wire")
  void decodesInputSplitAnywhere(String name, String wire, List<String> expected) {
    byte[] all = Hex.bytes(wire);
    for (int cut = 0; cut <= all.length; cut++) {
      List<byte[]> chunks = List.of(java.util.Arrays.copyOf(all, cut), java.util.Arrays.copyOfRange(all, cut, all.length));
      assertEquals(expected, decode(chunks), "split at byte " + cut);
    }
  }

  @Test
  void decodesTheVectorsConcatenatedInOneChunk() {
    // Every vector that leaves the decoder between frames can be followed by the next one.
    StringBuilder wire = new StringBuilder();
    List<String> expected = new ArrayList<>();
    wire().forEach(a -> {
      String hex = (String) a.get()[1];
      SlipDecoder alone = new SlipDecoder();
      alone.feed(Hex.bytes(hex), new Recorder());
      if (!alone.inFrame()) {
        wire.append(' ').append(hex);
        @SuppressWarnings("unchecked")
        List<String> events = (List<String>) a.get()[2];
        expected.addAll(events);
      }
    });
    assertTrue(expected.size() >= 8, "most vectors take part");
    assertEquals(mergeJunk(expected), mergeJunk(decode(List.of(Hex.bytes(wire.toString())))));
  }

  @Test
  void roundTripsRandomPacketsWithSeededRandomSplits() {
    long seed = 0x5EED_5117L;
    Random random = new Random(seed);
    for (int round = 0; round < 200; round++) {
      byte[] packet = new byte[1 + random.nextInt(300)];
      for (int i = 0; i < packet.length; i++) {
        // Mostly the special bytes, to exercise the escapes.
        int pick = random.nextInt(4);
        packet[i] = (byte) (pick == 0 ? 0xC0 : pick == 1 ? 0xDB : random.nextInt(256));
      }
      byte[] wire = SlipEncoder.encode(packet);
      List<byte[]> chunks = new ArrayList<>();
      int at = 0;
      while (at < wire.length) {
        int len = Math.min(wire.length - at, 1 + random.nextInt(8));
        chunks.add(java.util.Arrays.copyOfRange(wire, at, at + len));
        at += len;
      }
      assertEquals(List.of("frame:" + Hex.of(packet)), decode(chunks), "seed " + seed + ", round " + round);
    }
  }

  @Test
  void anOverlongFrameIsAnErrorAndTheDecoderRecovers() {
    SlipDecoder decoder = new SlipDecoder(4);
    Recorder r = new Recorder();
    decoder.feed(Hex.bytes("c0 01 02 03 04 05 06 c0 c0 07 c0"), r);
    assertEquals(List.of("error:SLIP frame longer than 4 bytes", "frame:07"), r.done());
  }

  @Test
  void knowsWhetherAFrameHasStarted() {
    SlipDecoder decoder = new SlipDecoder();
    Recorder r = new Recorder();
    assertFalse(decoder.inFrame());
    decoder.feed(Hex.bytes("c0 01"), r);
    assertTrue(decoder.inFrame());
    decoder.reset();
    assertFalse(decoder.inFrame());
    decoder.feed(Hex.bytes("02 c0"), r);
    assertEquals(List.of("junk:02"), r.done(), "after a reset the 02 is outside any frame");
    assertTrue(decoder.inFrame(), "and the c0 opened a frame");
  }

  @Test
  void encodesEmptyAndPlainPackets() {
    assertArrayEquals(Hex.bytes("c0 c0"), SlipEncoder.encode(new byte[0]));
    assertArrayEquals(Hex.bytes("c0 01 02 c0"), SlipEncoder.encode(Hex.bytes("01 02")));
  }

  private static List<String> decode(List<byte[]> chunks) {
    SlipDecoder decoder = new SlipDecoder();
    Recorder r = new Recorder();
    for (byte[] chunk : chunks) {
      decoder.feed(chunk, r);
    }
    return r.done();
  }

  private static List<String> mergeJunk(List<String> events) {
    List<String> merged = new ArrayList<>();
    for (String e : events) {
      if (e.startsWith("junk:") && !merged.isEmpty() && merged.get(merged.size() - 1).startsWith("junk:")) {
        merged.set(merged.size() - 1, merged.get(merged.size() - 1) + " " + e.substring(5));
      } else {
        merged.add(e);
      }
    }
    return merged;
  }
}
