package dev.hilbench.simulator.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReadingRingTest {

  @Test
  void growsWrapsAndKeepsOrder() {
    ReadingRing r = new ReadingRing(20);
    for (int i = 0; i < 20; i++) {
      r.add(i, new byte[] {(byte) i}, (byte) 0);
    }
    assertTrue(r.full());
    assertThrows(IllegalStateException.class, () -> r.add(99, new byte[0], (byte) 0));
    for (int i = 0; i < 5; i++) {
      r.removeHead();
    }
    for (int i = 20; i < 25; i++) {
      r.add(i, new byte[] {(byte) i}, (byte) 0); // wraps around the end of the arrays
    }
    for (int k = 0; k < r.size(); k++) {
      assertEquals(k + 5, r.seq(k));
      assertEquals(k + 5, r.line(k)[0]);
    }
  }

  @Test
  void removeIfKeepsTheRestInOrderWithTheirFlagsAndEnds() {
    ReadingRing r = new ReadingRing(8);
    for (int i = 0; i < 6; i++) {
      r.add(i, new byte[0], i % 2 == 0 ? ReadingRing.SILENT : 0);
      r.end(i, 100 + i);
    }
    r.removeIf(k -> r.has(k, ReadingRing.SILENT));
    assertEquals(3, r.size());
    for (int k = 0; k < 3; k++) {
      assertEquals(2 * k + 1, r.seq(k));
      assertEquals(101 + 2 * k, r.end(k));
    }
    r.clearEnds();
    assertEquals(-1, r.end(0));
  }
}
