package dev.hilbench.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the vector file cannot say: memory bounds and argument checks. */
class LineFramerTest {

  @Test
  void anEndlessLineNeverBuffersMoreThanTheLimit() {
    LineFramer framer = new LineFramer(16);
    byte[] junk = "z".repeat(1000).getBytes(StandardCharsets.US_ASCII);
    int[] oversize = {0};
    LineFramer.Sink sink = new CountingSink() {
      @Override
      public void oversize(byte[] head, int off, int len) {
        oversize[0]++;
      }
    };
    for (int i = 0; i < 1000; i++) {
      framer.feed(junk, sink);
      assertEquals(0, framer.pendingBytes(), "discarded bytes must not be kept");
    }
    assertEquals(1, oversize[0], "one endless line is reported once");
  }

  @Test
  void aDefaultFramerTakes256ByteLines() {
    assertEquals(256, new LineFramer().maxLineLength());
    String line = "1,2," + "1".repeat(126) + "," + "2".repeat(125);
    assertEquals(256, line.length());
    assertEquals(List.of("line:" + line),
        LineFramerVectorTest.frame(256, (line + "\r\n").getBytes(StandardCharsets.US_ASCII), List.of(258)));
  }

  @Test
  void rejectsANonPositiveLimit() {
    assertThrows(IllegalArgumentException.class, () -> new LineFramer(0));
  }

  private abstract static class CountingSink implements LineFramer.Sink {
    @Override
    public void line(byte[] buf, int off, int len) {}

    @Override
    public void truncated(byte[] buf, int off, int len) {}
  }
}
