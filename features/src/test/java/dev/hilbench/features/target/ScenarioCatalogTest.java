package dev.hilbench.features.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioCatalogTest {

  private static final String OUTLINE = """
      @fleet
      Feature: F
        @slow
        Scenario Outline: S <n>
          Given x <n>
          Examples: plain
            | n |
            | 1 |
          @needs-flash
          Examples: flashy
            | n |
            | 2 |
        Scenario: T
          Given y
      """;

  @Test
  void outlineRowsAreScenariosWithEveryInheritedTag() {
    List<ScenarioInfo> all = ScenarioCatalog.parse("f.feature", OUTLINE.getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(
        new ScenarioInfo("f.feature", "S 1", List.of("fleet", "slow")),
        new ScenarioInfo("f.feature", "S 2", List.of("fleet", "slow", "needs-flash")),
        new ScenarioInfo("f.feature", "T", List.of("fleet"))), all);
  }

  @Test
  void aBrokenFeatureFileIsNamedInTheError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ScenarioCatalog.parse("bad.feature", "Feature: F\n  Scenario: S\n    Given x\n  Nonsense here\n"
            .getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().startsWith("bad.feature: "), e.getMessage());
  }

  @Test
  void theProjectsFeaturesAreOnTheClassPathAndParse() {
    List<ScenarioInfo> all = ScenarioCatalog.load(getClass().getClassLoader());
    assertTrue(all.size() >= 20, "scenarios found: " + all.size());
    assertTrue(all.stream().anyMatch(s -> s.tags().contains(Tags.FLEET)), "a @fleet scenario");
    assertTrue(all.stream().anyMatch(s -> s.tags().contains(Tags.NEEDS_FLASH)), "a @needs-flash scenario");
  }

  @Test
  void leftOutGroupsByTheFirstTagTheTargetCannotRunWithItsReason() {
    List<ScenarioInfo> all = ScenarioCatalog.parse("f.feature", OUTLINE.getBytes(StandardCharsets.UTF_8));
    LeftOut virtual = LeftOut.of(Target.VIRTUAL, all);
    assertEquals(3, virtual.count());
    assertEquals(List.of(Tags.FLEET), List.copyOf(virtual.byTag().keySet()));
    assertTrue(virtual.describe().startsWith("target virtual: 3 scenarios left out\n  @fleet (hundreds of devices"),
        virtual.describe());
    LeftOut simulator = LeftOut.of(Target.SIMULATOR, all);
    assertEquals(1, simulator.count());
    assertTrue(simulator.describe().contains("@needs-flash (simulated nodes have no flash"), simulator.describe());
    assertTrue(simulator.describe().endsWith("f.feature: S 2"), simulator.describe());
  }

  @Test
  void nothingLeftOutSaysSo() {
    LeftOut none = LeftOut.of(Target.SIMULATOR, List.of(new ScenarioInfo("a.feature", "A", List.of())));
    assertEquals(0, none.count());
    assertEquals("target simulator: nothing left out", none.describe());
    assertFalse(none.describe().contains("@"));
  }
}
