package dev.hilbench.simulator.fault;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.protocol.fault.FaultKind;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Every valid spec of the shared vector file works in the simulator as written there, or is
 * refused with the reason: only down and stream=downstream, which are the proxy's.
 */
class SameTextAsEverywhereTest {

  @Test
  void everyValidSpecIsAppliedOrRefusedAsTheProxys() {
    List<String> specs = SharedVectors.validSpecs();
    assertTrue(specs.size() > 80, "rows read: " + specs.size());
    for (String text : specs) {
      dev.hilbench.protocol.fault.FaultSpec spec = dev.hilbench.protocol.fault.FaultSpec.parse(text);
      boolean theProxys = spec.name().equals("down")
          || (spec.kind() == FaultKind.NETWORK && spec.choice("stream").equals("downstream"));
      if (theProxys) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FaultSet.parse(List.of(text)), text);
        assertTrue(e.getMessage().contains("proxy"), e.getMessage());
        continue;
      }
      FaultSet set = assertDoesNotThrow(() -> FaultSet.parse(List.of(text)), text);
      assertEquals(FaultSpec.of(spec), set.specs().get(0), text);
      // It works: a cycle and a connection with it do not fail.
      set.rollCycle(new CycleOutcome("1,2,20.0,50.0"), new SplittableRandom(1));
      set.planLink(new SplittableRandom(1));
    }
  }
}
