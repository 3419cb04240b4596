package dev.hilbench.features.target;

import java.util.List;

/**
 * One scenario (one row of a Scenario Outline) as written in a feature file.
 *
 * @param feature the feature file's name, e.g. {@code flash.feature}
 * @param name    the scenario's name, placeholders filled in
 * @param tags    its tags without {@code @}, inherited ones (feature, rule, examples) included
 */
public record ScenarioInfo(String feature, String name, List<String> tags) {

  public ScenarioInfo {
    tags = List.copyOf(tags);
  }
}
