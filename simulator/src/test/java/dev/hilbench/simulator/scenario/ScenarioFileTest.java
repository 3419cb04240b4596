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
          - {name: sensor_fail, probability: 0.01}
      groups:
        - name: a
          count: 3
        - name: b
          count: 2
          delivery: acknowledged
          jitter: normal:20ms
          reconnect: {policy: decorrelated-jitter, base: 1s, cap: 30s, reset_after: 15s, connect_timeout: 3s}
          faults:
            - {name: slicer, probability: 1, average_size: 4, delay: 2ms}
      events:
        - {at: 30s, action: reboot, fraction: 0.1}
        - {at: 40s, action: silence, group: b, count: 1, duration: 5s}
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
    assertEquals(TimedEvent.Action.REBOOT, s.events().get(0).action());
    assertEquals("40s silence 1 node of b for 5s", s.events().get(1).describe());
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
      "unknown fault       | groups: [{name: a, count: 1, faults: [{name: dorp, probability: 1}]}] | groups[0].faults: unknown fault 'dorp'",
      "fault parameter     | groups: [{name: a, count: 1, faults: [{name: slicer, probability: 1, avg: 2}]}] | unknown parameter 'avg'",
      "no probability      | groups: [{name: a, count: 1, faults: [{name: drop}]}] | groups[0].faults[0] (drop): probability is required",
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
