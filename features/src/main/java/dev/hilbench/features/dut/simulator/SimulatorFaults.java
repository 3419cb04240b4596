package dev.hilbench.features.dut.simulator;

import dev.hilbench.features.dut.FaultSetting;
import dev.hilbench.simulator.fault.FaultSet;
import dev.hilbench.simulator.fault.FaultSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scenario faults, written as the firmware console takes them ({@code coalesce n=3}), in the
 * simulator's terms ({@code coalesce=1,count=3}). The names are one vocabulary; a few parameter
 * names differ between the two implementations and are translated here, in one table.
 */
final class SimulatorFaults {

  /** fault name → (console parameter → simulator parameter). */
  private static final Map<String, Map<String, String>> RENAMED = Map.of(
      "coalesce", Map.of("n", "count"));

  private SimulatorFaults() {}

  static FaultSet of(List<FaultSetting> faults) {
    return new FaultSet(faults.stream().map(SimulatorFaults::spec).toList());
  }

  static FaultSpec spec(FaultSetting f) {
    Map<String, String> renames = RENAMED.getOrDefault(f.name(), Map.of());
    Map<String, String> params = new LinkedHashMap<>();
    f.paramsWithoutProbability().forEach((k, v) -> params.put(renames.getOrDefault(k, k), v));
    return new FaultSpec(f.name(), f.probability(), params);
  }
}
