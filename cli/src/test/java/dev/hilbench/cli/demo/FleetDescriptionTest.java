package dev.hilbench.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.simulator.NodeProfile;
import dev.hilbench.simulator.fault.FaultSet;
import dev.hilbench.simulator.fault.FaultSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo's line per group shows its faults as --fault takes them. */
class FleetDescriptionTest {

  @Test
  void faultsAreShownAsSpecsThatParseBackToThem() {
    List<String> given = List.of("slicer=0.5,average_size=5,delay=2ms", "coalesce", "reset_peer=0.3,mid_line=true");
    NodeProfile p = NodeProfile.CLASSROOM.withFaults(FaultSet.parse(given));
    String line = FleetDescription.of(p);
    assertTrue(line.endsWith("; faults slicer=0.5,average_size=5,delay=2000 coalesce reset_peer=0.3,mid_line=true"), line);
    List<String> shown = List.of(line.substring(line.indexOf("; faults ") + "; faults ".length()).split(" "));
    assertEquals(FaultSet.parse(given).specs(), shown.stream().map(FaultSpec::parse).toList());
    assertTrue(FleetDescription.of(NodeProfile.CLASSROOM).endsWith("; no faults"));
  }
}
