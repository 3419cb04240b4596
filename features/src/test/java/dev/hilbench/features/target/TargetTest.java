package dev.hilbench.features.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TargetTest {

  @Test
  void parsesTheNamesUsersTypeIgnoringCase() {
    assertEquals(Target.SIMULATOR, Target.parse("simulator"));
    assertEquals(Target.VIRTUAL, Target.parse(" Virtual "));
    assertEquals(Target.NODEMCU, Target.parse("NODEMCU"));
  }

  @Test
  void anUnknownTargetIsAnErrorListingTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Target.parse("qemu"));
    assertEquals("unknown target 'qemu': expected one of simulator, virtual, nodemcu", e.getMessage());
  }

  @Test
  void theTagExpressionKeepsWhatTheTargetCanRun() {
    assertEquals("not @needs-flash and not @needs-sensor-control", Target.SIMULATOR.tagExpression());
    assertEquals("not @fleet", Target.VIRTUAL.tagExpression());
    assertEquals("not @fleet and not @needs-sensor-control", Target.NODEMCU.tagExpression());
  }

  @Test
  void everyLeftOutTagHasAReason() {
    for (Target t : Target.values()) {
      t.leftOut().forEach((tag, reason) -> assertTrue(reason.length() > 20, t + " @" + tag + ": " + reason));
    }
  }

  @Test
  void budgetsAreTheIssuesTimes() {
    assertEquals(Duration.ofMinutes(1), Target.SIMULATOR.budget().orElseThrow());
    assertEquals(Duration.ofMinutes(3), Target.VIRTUAL.budget().orElseThrow());
    assertTrue(Target.NODEMCU.budget().isEmpty(), "a real board's Wi-Fi decides");
  }
}
