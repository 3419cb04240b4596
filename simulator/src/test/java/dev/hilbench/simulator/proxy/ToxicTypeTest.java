package dev.hilbench.simulator.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The toxic catalog: Toxiproxy's names, the simulator's defaults, and clear errors. */
class ToxicTypeTest {

  static Stream<Arguments> defaults() {
    return Stream.of(
        Arguments.of("latency", Map.of("latency", 100L, "jitter", 0L)),
        Arguments.of("slicer", Map.of("average_size", 4L, "size_variation", 2L, "delay", 1000L)),
        Arguments.of("timeout", Map.of("timeout", 0L)),
        Arguments.of("reset_peer", Map.of("timeout", 5000L)),
        Arguments.of("limit_data", Map.of("bytes", 100L)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("defaults")
  void missingParametersTakeTheDefaultsOfTheSimulatorsFaults(String name, Map<String, Long> expected) {
    assertEquals(expected, ToxicType.named(name).resolve(Map.of()));
  }

  @Test
  void theNamesAreToxiproxys() {
    assertEquals("latency, bandwidth, slicer, timeout, reset_peer, limit_data",
        String.join(", ", Arrays.stream(ToxicType.values()).map(ToxicType::toxicName).toList()));
    assertEquals(ToxicType.RESET_PEER, ToxicType.named(" RESET_PEER "));
  }

  @Test
  void givenValuesReplaceDefaultsAndWholeDecimalsAreAccepted() {
    Map<String, Number> given = new HashMap<>();
    given.put("latency", 250);
    given.put("jitter", 20.0);
    assertEquals(Map.of("latency", 250L, "jitter", 20L), ToxicType.LATENCY.resolve(given));
    assertEquals(Map.of("rate", 7L), ToxicType.BANDWIDTH.resolve(Map.of("rate", new BigDecimal("7.000"))));
  }

  static Stream<Arguments> mistakes() {
    return Stream.of(
        Arguments.of("nope", Map.of(), "unknown toxic 'nope' (known: latency, bandwidth, slicer, timeout, reset_peer, limit_data)"),
        Arguments.of("bandwidth", Map.of(), "toxic bandwidth needs parameter rate (KB/s)"),
        Arguments.of("slicer", Map.of("avg", 3), "toxic slicer: unknown parameter 'avg' (known: average_size, size_variation, delay)"),
        Arguments.of("latency", Map.of("latency", 2.5), "toxic latency, parameter latency: 2.5 is not a whole number of ms"),
        Arguments.of("latency", Map.of("jitter", -1), "toxic latency, parameter jitter: must be at least 0 ms, got -1"),
        Arguments.of("slicer", Map.of("average_size", 0), "toxic slicer, parameter average_size: must be at least 1 bytes, got 0"),
        Arguments.of("bandwidth", Map.of("rate", 0), "toxic bandwidth, parameter rate: must be at least 1 KB/s, got 0"),
        Arguments.of("latency", Map.of("latency", Long.MAX_VALUE),
            "toxic latency, parameter latency: must be at most 1000000000 ms, got 9223372036854775807"),
        Arguments.of("limit_data", Map.of("bytes", Double.NaN), "toxic limit_data, parameter bytes: NaN is not a whole number of bytes"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("mistakes")
  void aMistakeIsNamedWithTheToxicAndTheParameter(String name, Map<String, Number> params, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ToxicType.named(name).resolve(params));
    assertEquals(message, e.getMessage());
  }

  @Test
  void toxicityOutsideZeroToOneIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ToxicHandle(1, ToxicType.TIMEOUT, Direction.UPSTREAM, 1.5, Map.of("timeout", 0L)));
    assertEquals("toxic timeout: toxicity must be between 0 and 1, got 1.5", e.getMessage());
  }

  @Test
  void aHandleReadsAsTheCommandLineWritesIt() {
    ToxicHandle h = new ToxicHandle(2, ToxicType.SLICER, Direction.DOWNSTREAM, 0.5,
        ToxicType.SLICER.resolve(Map.of("average_size", 3)));
    assertEquals("#2 slicer downstream toxicity=0.5 average_size=3,size_variation=2,delay=1000", h.toString());
  }
}
