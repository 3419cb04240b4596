package dev.hilbench.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hilbench.protocol.vectors.VectorFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of the shared framing.tsv, fed whole, byte by byte, split at every position, and
 * cut at random places (seeded; the seed is in the test name): the events must not change.
 */
class LineFramerVectorTest {

  private static final long SEED = Long.getLong("hilbench.seed", 20261127L);

  @TestFactory
  Stream<DynamicTest> eventsDoNotDependOnSegmentation() {
    return VectorFile.read("framing.tsv").stream().map(row -> DynamicTest.dynamicTest(row.toString(), () -> {
      int max = Integer.parseInt(row.columns().get(0));
      byte[] stream = VectorFile.unescape(row.columns().get(1));
      List<String> expected = row.columns().subList(2, row.columns().size());

      assertEquals(expected, frame(max, stream, List.of(stream.length)), "whole: " + row);
      assertEquals(expected, frame(max, stream, ones(stream.length)), "byte by byte: " + row);
      for (int cut = 1; cut < stream.length; cut++) {
        assertEquals(expected, frame(max, stream, List.of(cut, stream.length - cut)), "split at " + cut + ": " + row);
      }
      Random random = new Random(SEED + row.lineNumber());
      for (int round = 0; round < 50; round++) {
        List<Integer> cuts = randomCuts(random, stream.length);
        assertEquals(expected, frame(max, stream, cuts), "chunks " + cuts + " (seed " + SEED + "): " + row);
      }
    }));
  }

  /** Feeds {@code stream} in chunks of the given sizes, then ends it; returns the events. */
  static List<String> frame(int max, byte[] stream, List<Integer> chunkSizes) {
    List<String> events = new ArrayList<>();
    LineFramer.Sink sink = new LineFramer.Sink() {
      @Override
      public void line(byte[] buf, int off, int len) {
        events.add("line:" + VectorFile.escape(buf, off, len));
      }

      @Override
      public void oversize(byte[] head, int off, int len) {
        events.add("oversize:" + VectorFile.escape(head, off, len));
      }

      @Override
      public void truncated(byte[] buf, int off, int len) {
        events.add("truncated:" + VectorFile.escape(buf, off, len));
      }
    };
    LineFramer framer = new LineFramer(max);
    int pos = 0;
    for (int size : chunkSizes) {
      // Copy each chunk into its own array, as a socket read would, so no line can peek past it.
      byte[] chunk = new byte[size + 8];
      System.arraycopy(stream, pos, chunk, 4, size);
      framer.feed(chunk, 4, size, sink);
      pos += size;
    }
    framer.endOfStream(sink);
    return events;
  }

  private static List<Integer> ones(int n) {
    List<Integer> sizes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      sizes.add(1);
    }
    return sizes;
  }

  private static List<Integer> randomCuts(Random random, int length) {
    List<Integer> sizes = new ArrayList<>();
    int left = length;
    while (left > 0) {
      int size = 1 + random.nextInt(Math.min(left, 7));
      sizes.add(size);
      left -= size;
    }
    return sizes;
  }
}
