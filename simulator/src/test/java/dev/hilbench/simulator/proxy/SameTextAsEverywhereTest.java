package dev.hilbench.simulator.proxy;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.protocol.fault.FaultKind;
import dev.hilbench.protocol.fault.FaultSpec;
import dev.hilbench.simulator.fault.SharedVectors;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Every valid spec of the shared vector file works on the proxy as written there, or is refused
 * with the reason: device faults are the node's.
 */
class SameTextAsEverywhereTest {

  @Test
  void everyNetworkSpecBuildsAToxicAndEveryDeviceSpecIsRefused() {
    for (String text : SharedVectors.validSpecs()) {
      FaultSpec spec = FaultSpec.parse(text);
      if (spec.kind() == FaultKind.DEVICE) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProxyFault.check(spec), text);
        assertTrue(e.getMessage().contains("device fault"), e.getMessage());
      } else if (ProxyFault.check(spec)) {
        assertTrue(spec.name().equals("down") && spec.probability() == 1, text);
      } else {
        assertNotNull(new ToxicHandle(1, spec).type().create(spec, new SplittableRandom(1)), text);
      }
    }
  }
}
