package dev.hilbench.features.target;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a target leaves out of the suite, and why: the scenarios carrying a tag it cannot run,
 * grouped by that tag. A scenario with several such tags is named under the first.
 */
public record LeftOut(Target target, Map<String, List<ScenarioInfo>> byTag) {

  public LeftOut {
    byTag = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byTag));
  }

  public static LeftOut of(Target target, List<ScenarioInfo> scenarios) {
    Map<String, List<ScenarioInfo>> byTag = new LinkedHashMap<>();
    for (ScenarioInfo s : scenarios) {
      for (String tag : target.leftOut().keySet()) {
        if (s.tags().contains(tag)) {
          byTag.computeIfAbsent(tag, t -> new ArrayList<>()).add(s);
          break;
        }
      }
    }
    return new LeftOut(target, byTag);
  }

  public int count() {
    return byTag.values().stream().mapToInt(List::size).sum();
  }

  /**
   * For the run's output, e.g.:
   *
   * <pre>
   * target simulator: 2 scenarios left out
   *   @needs-flash (simulated nodes have no flash memory and no ROM bootloader):
   *     flash.feature: A flashed image boots and reports its version
   * </pre>
   */
  public String describe() {
    StringBuilder s = new StringBuilder("target ").append(target.id()).append(": ");
    if (byTag.isEmpty()) {
      return s.append("nothing left out").toString();
    }
    s.append(count()).append(count() == 1 ? " scenario" : " scenarios").append(" left out");
    byTag.forEach((tag, list) -> {
      s.append("\n  @").append(tag).append(" (").append(target.leftOut().get(tag)).append("):");
      list.forEach(sc -> s.append("\n    ").append(sc.feature()).append(": ").append(sc.name()));
    });
    return s.toString();
  }
}
