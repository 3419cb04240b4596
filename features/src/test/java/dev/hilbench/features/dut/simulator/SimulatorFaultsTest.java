package dev.hilbench.features.dut.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hilbench.features.dut.FaultSetting;
import dev.hilbench.simulator.fault.FaultSet;
import dev.hilbench.simulator.fault.FaultSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatorFaultsTest {

  @Test
  void consoleParameterNamesBecomeTheSimulatorsAndPBecomesTheProbability() {
    assertEquals(new FaultSpec("coalesce", 1.0, Map.of("count", "3")),
        SimulatorFaults.spec(FaultSetting.parse("coalesce n=3")));
    assertEquals(new FaultSpec("corrupt", 0.3, Map.of()), SimulatorFaults.spec(FaultSetting.parse("corrupt p=0.3")));
    assertEquals(new FaultSpec("slicer", 1.0, Map.of("average_size", "5", "delay", "2000")),
        SimulatorFaults.spec(FaultSetting.parse("slicer average_size=5 delay=2000")));
  }

  @Test
  void everyFaultTheFeaturesUseIsOneTheSimulatorBuilds() {
    FaultSet set = SimulatorFaults.of(List.of(FaultSetting.parse("coalesce n=5"), FaultSetting.parse("oversize p=0.3"),
        FaultSetting.parse("binary p=0.3"), FaultSetting.parse("corrupt p=0.3"),
        FaultSetting.parse("slicer average_size=1 size_variation=0 delay=300")));
    assertEquals(5, set.specs().size());
  }

  @Test
  void anUnknownFaultIsTheSimulatorsClearError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SimulatorFaults.of(List.of(FaultSetting.parse("meltdown"))));
    assertEquals(true, e.getMessage().startsWith("unknown fault 'meltdown'"), e.getMessage());
  }
}
