package dev.hilbench.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.hilbench.protocol.vectors.VectorFile;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every case of the shared lines.tsv, decoded by the Java codec. */
class LineCodecVectorTest {

  @TestFactory
  Stream<DynamicTest> everyVectorDecodesAsExpected() {
    return VectorFile.read("lines.tsv").stream()
        .map(row -> DynamicTest.dynamicTest(row.toString(), () -> check(row)));
  }

  private static void check(VectorFile.Row row) {
    byte[] input = VectorFile.unescape(row.columns().get(0));
    List<String> expected = List.of(row.columns().get(1).split(" "));
    Line decoded = LineCodec.decode(input, 0, input.length);
    String where = row + " decoded as " + decoded;
    switch (expected.get(0)) {
      case "reading" -> {
        Reading r = assertInstanceOf(Reading.class, decoded, where);
        assertEquals(Long.parseLong(expected.get(1)), r.seq(), where);
        assertEquals(Long.parseLong(expected.get(2)), r.millis(), where);
        assertEquals(Double.parseDouble(expected.get(3)), r.temperature(), 0.0, where);
        assertEquals(Double.parseDouble(expected.get(4)), r.humidity(), 0.0, where);
      }
      case "hello" -> assertEquals(
          new Hello(expected.get(1), expected.get(2), expected.get(3), expected.get(4).equals("1")), decoded, where);
      case "ack" -> assertEquals(new Ack(Long.parseLong(expected.get(1))), decoded, where);
      case "blank" -> assertInstanceOf(Blank.class, decoded, where);
      case "error" -> {
        Malformed m = assertInstanceOf(Malformed.class, decoded, where);
        assertEquals(LineError.ofCode(expected.get(1)), m.error(), where);
      }
      default -> throw new IllegalStateException("unknown expectation in " + row);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyValidVectorSurvivesEncodeAndDecode() {
    return VectorFile.read("lines.tsv").stream()
        .filter(row -> !row.columns().get(1).startsWith("error") && !row.columns().get(1).equals("blank"))
        .map(row -> DynamicTest.dynamicTest(row.toString(), () -> {
          byte[] input = VectorFile.unescape(row.columns().get(0));
          Line decoded = LineCodec.decode(input, 0, input.length);
          String again = switch (decoded) {
            case Reading r -> LineCodec.encode(r, 9);
            case Hello h -> h.toLine();
            case Ack a -> a.toLine();
            default -> throw new IllegalStateException("unexpected " + decoded);
          };
          assertEquals(decoded, LineCodec.decode(again), "re-encoded as " + again);
        }));
  }
}
