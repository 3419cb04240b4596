package dev.hilbench.simulator.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.simulator.DeliveryMode;
import dev.hilbench.simulator.Jitter;
import dev.hilbench.simulator.NodeGroup;
import dev.hilbench.simulator.policy.PolicyKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScenarioFileTest {

  private static final String YAML = """
      seed: 9
      duration: 45s
      ramp_up: 100
      defaults:
        interval: 2s
        faults:
          - sensor_fail=0.01
      groups:
        - name: a
          count: 3
        - name: b
          count: 2
          delivery: acknowledged
          jitter: normal:20ms
          reconnect: {policy: decorrelated-jitter, base: 1s, cap: 30s, reset_after: 15s, connect_timeout: 3s}
          faults:
            - slicer,average_size=4,delay=2ms
      events:
        - {at: 30s, action: reboot, fraction: 0.1}
        - {at: 40s, action: silence, group: b, count: 1, duration: 5s}
        - {at: 50s, action: faults, group: a, faults: [drop=0.2, "coalesce,count=4"]}
      """;

  @Test
  void readsGroupsProfilesAndEvents() {
    Scenario s = ScenarioFile.parse(YAML);
    assertEquals(9L, s.seed());
    assertEquals(Duration.ofSeconds(45), s.duration());
    assertEquals(100, s.rampUpPerSecond());
    assertEquals(5, s.nodeCount());
    NodeGroup a = s.groups().get(0), b = s.groups().get(1);
    assertEquals(Duration.ofSeconds(2), a.profile().interval(), "defaults apply to every group");
    assertEquals(DeliveryMode.CLASSROOM, a.profile().delivery());
    assertEquals(1, a.profile().faults().specs().size());
    assertEquals(DeliveryMode.ACKNOWLEDGED, b.profile().delivery());
    assertEquals(Jitter.Distribution.NORMAL, b.profile().jitter().distribution());
    assertEquals(PolicyKind.DECORRELATED_JITTER, b.profile().reconnect().kind());
    assertEquals(Duration.ofSeconds(3), b.profile().reconnect().connectTimeout());
    assertEquals(2, b.profile().faults().specs().size(), "a group's faults add to the defaults'");
    assertEquals("[sensor_fail=0.01, slicer=1,average_size=4,size_variation=2,delay=2000,stream=upstream]",
        b.profile().faults().toString());
    assertEquals(TimedEvent.Action.REBOOT, s.events().get(0).action());
    assertEquals("40s silence 1 node of b for 5s", s.events().get(1).describe());
    assertEquals("[drop=0.2, coalesce=1,count=4]", s.events().get(2).faults().toString());
  }

  @Test
  void theShippedScenariosParse() throws Exception {
    assertEquals(24, ScenarioFile.builtIn("demo").nodeCount());
    try (var in = ScenarioFile.class.getResourceAsStream("/dev/hilbench/simulator/scenarios/demo.yaml")) {
      assertEquals(Files.readString(Path.of("scenarios/demo.yaml")), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
          "scenarios/demo.yaml is the copy users read of the demo's built-in fleet: keep them equal");
    }
    try (Stream<Path> files = Files.list(Path.of("scenarios"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        assertTrue(ScenarioFile.read(f).nodeCount() > 0, f.toString());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unknown key         | groups: [{name: a, count: 1, colour: red}] | groups[0].colour: unknown key 'colour' (known: [association,",
      "wrong shape         | 'groups: [unclosed]'                         | groups[0]: expected a group",
      "bad duration        | groups: [{name: a, count: 1, interval: 5x}] | groups[0].interval: '5x' is not a duration",
      "missing count       | groups: [{name: a}]                       | groups[0].count is required",
      "unknown fault       | groups: [{name: a, count: 1, faults: [dorp=1]}] | groups[0].faults[0]: unknown fault 'dorp' in 'dorp=1'",
      "fault parameter     | groups: [{name: a, count: 1, faults: [\"slicer,avg=2\"]}] | groups[0].faults[0]: unknown parameter 'avg' in 'slicer,avg=2'",
      "fault not simulated | groups: [{name: a, count: 1, faults: [down]}] | groups[0].faults: fault 'down=1': down is the proxy's",
      "the old map form    | groups: [{name: a, count: 1, faults: [{name: drop, probability: 1}]}] | groups[0].faults[0]: expected a fault spec, NAME[=PROBABILITY][,KEY=VALUE...]",
      "split by a flow list| groups: [{name: a, count: 1, faults: [slicer=1,average_size=2]}] | inside [ ] a comma separates list items: quote the spec or write one spec per line, - slicer=1,average_size=2",
      "event faults        | 'groups: [{name: a, count: 1}]\nevents: [{at: 1s, action: faults, faults: [drop=2]}]' | events[0].faults[0]: probability 2 is above 1 in 'drop=2'",
      "bad policy          | groups: [{name: a, count: 1, reconnect: {policy: linear}}] | groups[0].reconnect.policy: unknown reconnect policy",
      "event group         | 'groups: [{name: a, count: 1}]\nevents: [{at: 1s, action: reboot, group: zz}]' | events[0].group: no group 'zz'",
      "event action        | 'groups: [{name: a, count: 1}]\nevents: [{at: 1s, action: explode}]' | events[0].action: unknown action",
      "silence duration    | 'groups: [{name: a, count: 1}]\nevents: [{at: 1s, action: silence}]' | events[0].duration is required",
      "no groups           | 'seed: 1'                                   | groups: at least one group",
      "not yaml            | 'a: b: c'                                   | not valid YAML",
  })
  void badInputIsNamedWithItsPlace(String what, String yaml, String expected) {
    Exception e = assertThrows(Exception.class, () -> ScenarioFile.parse(yaml.replace("\\n", "\n")));
    assertTrue(e.getMessage().contains(expected), what + ": " + e.getMessage());
  }
}
