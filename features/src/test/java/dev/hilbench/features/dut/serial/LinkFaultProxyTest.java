package dev.hilbench.features.dut.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.features.dut.FaultSetting;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LinkFaultProxyTest {

  @Test
  void networkFaultsGoToTheProxyDeviceFaultsToTheBoard() {
    assertTrue(LinkFaultProxy.isLinkFault(FaultSetting.parse("slicer average_size=1")));
    assertTrue(LinkFaultProxy.isLinkFault(FaultSetting.parse("latency latency=100")));
    assertFalse(LinkFaultProxy.isLinkFault(FaultSetting.parse("coalesce n=3")));
    assertFalse(LinkFaultProxy.isLinkFault(FaultSetting.parse("silence")));
  }

  @Test
  void parametersAreToxiproxysWholeNumbersWithoutTheProbability() {
    assertEquals(Map.of("average_size", 5L, "delay", 2000L),
        LinkFaultProxy.numbers(FaultSetting.parse("slicer average_size=5 delay=2000 p=0.5")));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LinkFaultProxy.numbers(FaultSetting.parse("slicer delay=2ms")));
    assertEquals("fault slicer: delay=2ms is not a whole number", e.getMessage());
  }
}
