package dev.hilbench.features.dut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FaultSettingTest {

  @Test
  void nameAndParametersAsTheConsoleWritesThem() {
    FaultSetting f = FaultSetting.parse("  coalesce   n=3 ");
    assertEquals("coalesce", f.name());
    assertEquals(Map.of("n", "3"), f.params());
    assertEquals("coalesce n=3", f.toString());
    assertEquals(1.0, f.probability());
  }

  @Test
  void theProbabilityIsParameterP() {
    FaultSetting f = FaultSetting.parse("corrupt p=0.3");
    assertEquals(0.3, f.probability());
    assertEquals(Map.of(), f.paramsWithoutProbability());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "coalesce 3|fault 'coalesce 3': '3' is not key=value",
      "Drop! p=1|a fault name is lower-case letters and _, got 'drop!'",
      "drop p=|fault 'drop p=': 'p=' is not key=value"})
  void badFaultsAreErrorsNamingTheWord(String text, String message) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, () -> FaultSetting.parse(text)).getMessage());
  }

  @Test
  void aProbabilityThatIsNotANumberIsNamed() {
    FaultSetting f = FaultSetting.parse("drop p=often");
    assertEquals("fault drop: p=often is not a number",
        assertThrows(IllegalArgumentException.class, f::probability).getMessage());
  }

  @Test
  void deliveryModesByTheirWords() {
    assertEquals(DeliveryMode.ACK, DeliveryMode.parse("acknowledged"));
    assertEquals(DeliveryMode.BUFFERED, DeliveryMode.parse("buffered"));
    assertEquals(DeliveryMode.CLASSROOM, DeliveryMode.parse("Classroom"));
    assertEquals("ack", DeliveryMode.ACK.id());
    assertThrows(IllegalArgumentException.class, () -> DeliveryMode.parse("reliable"));
  }
}
