package dev.hilbench.features.dut.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HbLineTest {

  @Test
  void eventWordsThenFields() {
    HbLine line = HbLine.parse("HB wifi up ip=10.0.0.7").orElseThrow();
    assertEquals("wifi up", line.event());
    assertEquals(Map.of("ip", "10.0.0.7"), line.fields());
  }

  @Test
  void numbersAndDecimals() {
    HbLine line = HbLine.parse("HB sent seq=4 millis=1234 t=23.4 h=-0.5").orElseThrow();
    assertEquals(4, line.number("seq"));
    assertEquals(1234, line.number("millis"));
    assertEquals(23.4, line.decimal("t"));
    assertEquals(-0.5, line.decimal("h"));
  }

  @Test
  void bootNoiseBeforeThePrefixIsSkipped() {
    HbLine line = HbLine.parse("\\x8f\\x00ets Jan  8 2013 HB boot device=esp-1 fw=1.0 boot=ab12").orElseThrow();
    assertEquals("boot", line.event());
    assertEquals("esp-1", line.get("device"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"OK version fw=1.0", "ERR fault: unknown", "", "HB", "HBX sent seq=1", "xHB sent seq=1"})
  void otherLinesAreNotHbLines(String text) {
    assertEquals(Optional.empty(), HbLine.parse(text));
  }

  @Test
  void aMissingOrBadFieldIsAnErrorNamingIt() {
    HbLine line = HbLine.parse("HB sent seq=x").orElseThrow();
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> line.number("seq"));
    assertTrue(bad.getMessage().contains("seq=x is not a number"), bad.getMessage());
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> line.number("millis"));
    assertTrue(missing.getMessage().contains("without millis="), missing.getMessage());
  }
}
