package dev.hilbench.server.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DescriptorBudgetTest {

  @ParameterizedTest(name = "{0} configured, limit {1}, {2} open -> {3}")
  @CsvSource({
    "20000, 20000, 64, 19904",   // this machine's limit: the default cap is lowered, admin stays reachable
    "1000, 20000, 64, 1000",     // well under the limit: as configured
    "20000, 1048576, 64, 20000", // a generous limit: as configured
    "10, 50, 40, 1",             // no room at all: still one, so the server can say why it refuses
  })
  void capsAtTheLimitLessWhatIsOpenAndTheReserve(int configured, long max, long open, int expected) {
    assertEquals(expected, DescriptorBudget.cap(configured, max, open));
  }

  @Test
  void thisProcessLeavesRoomForTheReserve() {
    int cap = DescriptorBudget.forThisProcess(Integer.MAX_VALUE);
    assertTrue(cap > 0 && cap < Integer.MAX_VALUE, "a Unix JVM reports its descriptor limit: " + cap);
  }
}
