package dev.hilbench.hil.rom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JunkLogTest {

  @Test
  void keepsTheNewestBytesInOrder() {
    JunkLog log = new JunkLog(4);
    log.addAll("abcdef");
    assertEquals(6, log.total());
    assertEquals("cdef", log.tail(10));
    assertEquals('c', log.firstByte());
    assertEquals("...ef", log.tail(2));
  }

  @Test
  void findsTheLastBootModeAndTellsTextFromNoise() {
    JunkLog log = new JunkLog(256);
    assertNull(log.bootMode());
    assertEquals(-1, log.firstByte());
    log.addAll(" ets Jan  8 2013,rst cause:2, boot mode:(1,6)\r\n ets Jan  8 2013,rst cause:2, boot mode:(3,6)\r\n");
    assertEquals("3,6", log.bootMode());
    assertTrue(log.looksLikeText());
    log.clear();
    assertTrue(log.isEmpty());
    for (int b : new int[] {0xF3, 0x81, 0x07, 0xFE, 'a'}) {
      log.add(b);
    }
    assertFalse(log.looksLikeText());
    assertEquals("\\xf3\\x81\\x07\\xfea", log.tail(100));
  }
}
