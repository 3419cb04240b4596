package dev.hilbench.protocol.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the vector file cannot show: the Java API, typed values, and the words of the messages. */
class FaultSpecTest {

  @Test
  void typedValuesInTheParametersUnits() {
    FaultSpec s = FaultSpec.parse("slicer=0.5,delay=2ms,average_size=3");
    assertEquals("slicer", s.name());
    assertEquals(0.5, s.probability());
    assertEquals(FaultKind.NETWORK, s.kind());
    assertEquals(3, s.number("average_size"));
    assertEquals(2, s.number("size_variation"));
    assertEquals(2000, s.number("delay"));
    assertEquals("upstream", s.choice("stream"));
    assertEquals(List.of("average_size", "size_variation", "delay", "stream"), List.copyOf(s.params().keySet()));
    assertTrue(FaultSpec.parse("reset_peer,mid_line=true").flag("mid_line"));
    assertEquals("rst", FaultSpec.parse("reboot,link=rst").choice("link"));
  }

  @Test
  void askingForAValueOfTheWrongKindIsAProgrammingError() {
    FaultSpec s = FaultSpec.parse("coalesce");
    assertThrows(IllegalArgumentException.class, () -> s.number("size"));
    assertThrows(IllegalArgumentException.class, () -> s.flag("count"));
  }

  @Test
  void partsFromTheJavaApiGoThroughTheSameChecks() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("delay", "2ms");
    params.put("average_size", 3);
    params.put("size_variation", 1.0); // a whole double, as YAML or JSON may give it
    assertEquals(FaultSpec.parse("slicer=0.5,average_size=3,size_variation=1,delay=2000"), FaultSpec.of("slicer", 0.5, params));
    assertTrue(FaultSpec.of("reset_peer", 1, Map.of("mid_line", true)).flag("mid_line"));
    assertEquals(FaultSpec.parse("coalesce,count=3"), new FaultSpec("coalesce", 1.0, Map.of("count", "3")));
    assertEquals(FaultSpec.parse("drop"), new FaultSpec("drop", 1.0, null));

    FaultSpecException e = assertThrows(FaultSpecException.class, () -> FaultSpec.of("coalesce", 1, Map.of("count", 2.5)));
    assertEquals(FaultError.BAD_VALUE, e.error());
    assertEquals("coalesce=1,count=2.5", e.spec());
    e = assertThrows(FaultSpecException.class, () -> new FaultSpec("meltdown", 1, Map.of()));
    assertEquals(FaultError.UNKNOWN_FAULT, e.error());
  }

  @Test
  void aProbabilityFromTheApiHasAtMostSixDecimalsLikeText() {
    assertEquals("drop=0.000001", new FaultSpec("drop", 0.000001, Map.of()).toString());
    assertEquals("drop=0.05", new FaultSpec("drop", 0.05, Map.of()).toString());
    for (double bad : new double[] {1.0 / 3, 1e-7, -0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
      FaultSpecException e = assertThrows(FaultSpecException.class, () -> new FaultSpec("drop", bad, Map.of()), "p=" + bad);
      assertEquals(FaultError.BAD_PROBABILITY, e.error(), e.getMessage());
    }
    assertEquals(FaultError.PROBABILITY_RANGE,
        assertThrows(FaultSpecException.class, () -> new FaultSpec("drop", 1.5, Map.of())).error());
  }

  @Test
  void everyProbabilityWithSixDecimalsSurvivesTheDouble() {
    for (int ppm = 0; ppm <= 1_000_000; ppm += 997) {
      String text = BigDecimal.valueOf(ppm, 6).stripTrailingZeros().toPlainString();
      FaultSpec s = FaultSpec.parse("drop=" + text);
      assertEquals(s, new FaultSpec("drop", s.probability(), Map.of()), text);
      assertEquals("drop=" + (ppm == 0 ? "0" : text), s.toString());
    }
  }

  @Test
  void messagesNameTheSpecAndWhatIsWrong() {
    assertMessage("slicer=1,avg=3",
        "unknown parameter 'avg' in 'slicer=1,avg=3' (slicer takes average_size, size_variation, delay, stream)");
    assertMessage("drop,p=0.1",
        "unknown parameter 'p' in 'drop,p=0.1' (the probability follows the name, e.g. drop=0.1; drop takes none)");
    assertMessage("meltdown", "unknown fault 'meltdown' in 'meltdown' (known: " + String.join(", ", FaultVocabulary.names()) + ")");
    assertMessage("coalesce,count=17", "count 17 is out of range in 'coalesce,count=17' (2..16 readings)");
    assertMessage("silence,duration=1.5s",
        "duration '1.5s' is not a whole number in 'silence,duration=1.5s' (in ms, or with a unit: us, ms, s)");
    assertMessage("silence,duration=1500us", "duration '1500us' is not a whole number of ms in 'silence,duration=1500us'");
    assertMessage("oversize,size=1s", "size '1s' is not a whole number in 'oversize,size=1s' (in bytes)");
    assertMessage("reboot,link=hard", "link 'hard' is not one of orphan, fin, rst in 'reboot,link=hard'");
    assertMessage("reset_peer,mid_line=yes", "mid_line 'yes' is not true or false in 'reset_peer,mid_line=yes'");
    assertMessage("drop=1.5", "probability 1.5 is above 1 in 'drop=1.5'");
    assertMessage("drop=.5", "probability '.5' is not a decimal from 0 to 1 in 'drop=.5' (at most 6 decimals, no sign: e.g. 0.05)");
    assertMessage("coalesce,count=2,count=3", "count is given twice in 'coalesce,count=2,count=3'");
    assertMessage("drop,", "an empty parameter (a stray comma) in 'drop,'");
    assertMessage("coalesce,3", "'3' is not KEY=VALUE in 'coalesce,3'");
    assertMessage("bandwidth", "bandwidth needs rate in 'bandwidth' (in KB/s, from 1)");
    assertMessage("drop p=0.1",
        "a space at column 5 in 'drop p=0.1' (a spec is NAME[=PROBABILITY][,KEY=VALUE...] in printable ASCII without spaces)");
    assertMessage("", "an empty fault spec in '' (write NAME[=PROBABILITY][,KEY=VALUE...], e.g. drop=0.05)");
    FaultSpecException e = assertThrows(FaultSpecException.class, () -> FaultSpec.parse(null));
    assertEquals(FaultError.EMPTY, e.error());
  }

  @Test
  void theShortTextLeavesOutWhatIsTheDefault() {
    assertEquals("silence", FaultSpec.parse("silence=1,duration=10s").shortText());
    assertEquals("coalesce=0.1", FaultSpec.parse("coalesce=0.1,count=3").shortText());
    assertEquals("slicer=0.5,average_size=5,delay=2000", FaultSpec.parse("slicer=0.5,delay=2ms,average_size=5").shortText());
    assertEquals("latency,stream=downstream", FaultSpec.parse("latency,stream=downstream").shortText());
    assertEquals("bandwidth,rate=10", FaultSpec.parse("bandwidth,rate=10").shortText());
    assertEquals("drop=0", FaultSpec.parse("drop=0").shortText());
  }

  @Test
  void specsThatMeanTheSameAreEqual() {
    assertEquals(FaultSpec.parse("silence,duration=5s"), FaultSpec.parse("silence=1.0,duration=5000"));
    assertEquals(FaultSpec.parse("slicer,delay=1ms,average_size=4"), FaultSpec.parse("slicer"));
    assertFalse(FaultSpec.parse("latency").equals(FaultSpec.parse("latency,stream=downstream")));
    assertThrows(UnsupportedOperationException.class, () -> FaultSpec.parse("coalesce").params().put("count", "4"));
  }

  private static void assertMessage(String spec, String message) {
    FaultSpecException e = assertThrows(FaultSpecException.class, () -> FaultSpec.parse(spec), spec);
    assertEquals(message, e.getMessage());
    assertEquals(spec, e.spec());
  }
}
