package dev.hilbench.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the vector file cannot say: encoding, excerpts, error details. */
class LineCodecTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "12|1234567|28.3|65.2|1|12,1234567,28.3,65.2",
    "0|0|0.0|0.0|1|0,0,0.0,0.0",
    "1|2|-5.55|40|2|1,2,-5.55,40.00",
    "1|2|-0.04|40|1|1,2,0.0,40.0",
    "1|2|21.25|40|1|1,2,21.3,40.0",
    "1|2|21.5|40|0|1,2,22,40",
  })
  void encodesWithTheGivenDecimals(long seq, long millis, double t, double h, int decimals, String line) {
    assertEquals(line, LineCodec.encode(new Reading(seq, millis, t, h), decimals));
  }

  @Test
  void readingToLineUsesTheClassroomsOneDecimal() {
    assertEquals("12,1234567,28.3,65.2", new Reading(12, 1234567, 28.3, 65.2).toLine());
  }

  @Test
  void excerptEscapesWhatIsNotPrintableAndCutsLongLines() {
    byte[] line = "ab\\\u0000\u00ff".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    assertEquals("ab\\\\\\x00\\xFF", LineCodec.excerpt(line, 0, line.length));
    byte[] longLine = "x".repeat(100).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    assertEquals("x".repeat(LineCodec.EXCERPT_LENGTH) + "...", LineCodec.excerpt(longLine, 0, 100));
  }

  @Test
  void invalidByteNamesTheByteAndColumn() {
    Malformed m = assertInstanceOf(Malformed.class, LineCodec.decode("1,2,25\u00b0,50"));
    assertEquals(LineError.INVALID_BYTE, m.error());
    assertEquals("byte 0xB0 at column 7 is not printable ASCII", m.detail());
    assertEquals("1,2,25\\xB0,50", m.excerpt());
  }

  @Test
  void fieldCountSaysHowManyFieldsCame() {
    Malformed m = assertInstanceOf(Malformed.class, LineCodec.decode("1,2,3"));
    assertTrue(m.detail().endsWith("got 3"), m.detail());
  }

  @Test
  void decodesFromTheMiddleOfABuffer() {
    byte[] buf = "xx12,1234567,28.3,65.2yy".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    assertEquals(new Reading(12, 1234567, 28.3, 65.2), LineCodec.decode(buf, 2, buf.length - 4));
  }

  @Test
  void manyDigitsTakeTheExactSlowPath() {
    Reading r = assertInstanceOf(Reading.class, LineCodec.decode("1,2,21.12345678901234567890,50"));
    assertEquals(Double.parseDouble("21.12345678901234567890"), r.temperature(), 0.0);
  }

  @Test
  void helloRejectsBadTokensWhenBuilt() {
    assertThrows(IllegalArgumentException.class, () -> new Hello("a b", "1", "b", false));
    assertEquals("#hello device=n1 fw=1.0 boot=ab12 ack=1", new Hello("n1", "1.0", "ab12", true).toLine());
  }
}
