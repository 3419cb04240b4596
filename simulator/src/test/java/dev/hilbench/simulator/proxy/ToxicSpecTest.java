package dev.hilbench.simulator.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code --toxic TYPE[:KEY=VALUE,...]} as the command line and the console read it. */
class ToxicSpecTest {

  static Stream<Arguments> valid() {
    return Stream.of(
        Arguments.of("slicer", new ToxicSpec(ToxicType.SLICER, Direction.UPSTREAM, 1,
            Map.of("average_size", 4L, "size_variation", 2L, "delay", 1000L))),
        Arguments.of("slicer:average_size=3,delay=1000", new ToxicSpec(ToxicType.SLICER, Direction.UPSTREAM, 1,
            Map.of("average_size", 3L, "size_variation", 2L, "delay", 1000L))),
        Arguments.of(" latency : latency = 200 , jitter=50, stream=downstream, toxicity=0.25 ",
            new ToxicSpec(ToxicType.LATENCY, Direction.DOWNSTREAM, 0.25, Map.of("latency", 200L, "jitter", 50L))),
        Arguments.of("TIMEOUT:Timeout=0,Stream=UP", new ToxicSpec(ToxicType.TIMEOUT, Direction.UPSTREAM, 1,
            Map.of("timeout", 0L))),
        Arguments.of("bandwidth:rate=10", new ToxicSpec(ToxicType.BANDWIDTH, Direction.UPSTREAM, 1, Map.of("rate", 10L))));
  }

  @ParameterizedTest(name = "'{0}'")
  @MethodSource("valid")
  void parses(String text, ToxicSpec expected) {
    assertEquals(expected, ToxicSpec.parse(text));
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("", "toxic '': unknown toxic '' (known: latency, bandwidth, slicer, timeout, reset_peer, limit_data)"),
        Arguments.of("slice:delay=1", "toxic 'slice:delay=1': unknown toxic 'slice' (known: latency, bandwidth, slicer, timeout, reset_peer, limit_data)"),
        Arguments.of("slicer:average_size", "toxic 'slicer:average_size': 'average_size' must be KEY=VALUE"),
        Arguments.of("slicer:", "toxic 'slicer:': '' must be KEY=VALUE"),
        Arguments.of("slicer:delay=1ms", "toxic 'slicer:delay=1ms': parameter delay: '1ms' is not a whole number"),
        Arguments.of("latency:stream=sideways", "toxic 'latency:stream=sideways': stream 'sideways' is not upstream or downstream"),
        Arguments.of("latency:toxicity=2", "toxic 'latency:toxicity=2': toxicity must be between 0 and 1, got 2"),
        Arguments.of("latency:toxicity=most", "toxic 'latency:toxicity=most': toxicity 'most' is not a number"),
        Arguments.of("bandwidth", "toxic 'bandwidth': toxic bandwidth needs parameter rate (KB/s)"),
        Arguments.of("limit_data:byte=3", "toxic 'limit_data:byte=3': toxic limit_data: unknown parameter 'byte' (known: bytes)"),
        Arguments.of("down", "'down' is not a toxic of a link: type 'down' (and 'up') on the proxy's standard input"));
  }

  @ParameterizedTest(name = "'{0}'")
  @MethodSource("invalid")
  void refusesWithAMessageThatQuotesTheText(String text, String message) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, () -> ToxicSpec.parse(text)).getMessage());
  }
}
