package dev.hilbench.hil.ports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A board that re-enumerates after a reset is found again, by serial number or USB id. */
class PortReacquirerTest {

  static final PortInfo BEFORE = PortInfo.of("/dev/ttyUSB0", 0x10C4, 0xEA60, "0001", "CP2102");

  /** Each list() returns the next listing; the last one repeats. */
  static PortSource listings(List<List<PortInfo>> sequence) {
    ArrayDeque<List<PortInfo>> queue = new ArrayDeque<>(sequence);
    return () -> queue.size() > 1 ? queue.poll() : queue.peek();
  }

  @Test
  void findsTheBoardUnderItsNewNameBySerialNumber() throws Exception {
    PortInfo after = PortInfo.of("/dev/ttyUSB3", 0x10C4, 0xEA60, "0001", "CP2102");
    PortInfo other = PortInfo.of("/dev/ttyUSB1", 0x10C4, 0xEA60, "0002", "CP2102");
    int[] pauses = {0};
    PortReacquirer r = new PortReacquirer(listings(List.of(List.of(), List.of(other), List.of(other, after))),
        d -> pauses[0]++);
    assertEquals(after, r.awaitReturn(BEFORE, Duration.ofSeconds(5)));
    assertEquals(2, pauses[0], "polled until it came back");
  }

  @Test
  void withoutASerialNumberTakesTheOnlyPortWithTheSameUsbId() throws Exception {
    PortInfo before = PortInfo.of("/dev/ttyUSB0", 0x1A86, 0x7523, null, "CH340");
    PortInfo after = PortInfo.of("/dev/ttyUSB1", 0x1A86, 0x7523, null, "CH340");
    PortReacquirer r = new PortReacquirer(listings(List.of(List.of(after))), d -> {});
    assertEquals(after, r.awaitReturn(before, Duration.ofSeconds(1)));
  }

  @Test
  void aBoardThatStaysAwayIsReportedWithWhatIsThere() {
    PortReacquirer r = new PortReacquirer(listings(List.of(List.of())), d -> {});
    PortSelectionException e = assertThrows(PortSelectionException.class,
        () -> r.awaitReturn(BEFORE, Duration.ZERO));
    assertTrue(e.getMessage().startsWith("the board at /dev/ttyUSB0 (serial 0001) did not come back within 0 s"),
        e.getMessage());
  }
}
