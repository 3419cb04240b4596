package dev.hilbench.features.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hilbench.features.target.Target;
import io.cucumber.junit.platform.engine.Constants;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.ExcludeTags;

/** The suite classes leave out exactly what their target says it cannot run, and report where they should. */
class SuiteTagsTest {

  @ParameterizedTest
  @CsvSource({"SIMULATOR, dev.hilbench.features.suite.SimulatorFeaturesTest",
      "VIRTUAL, dev.hilbench.features.suite.VirtualFeaturesTest"})
  void excludesWhatTheTargetCannotRun(Target target, Class<?> suite) {
    Set<String> excluded = Set.of(suite.getAnnotation(ExcludeTags.class).value());
    assertEquals(Set.copyOf(target.excludedTags()), excluded, suite.getSimpleName() + " vs " + target);
  }

  @ParameterizedTest
  @CsvSource({"SIMULATOR, dev.hilbench.features.suite.SimulatorFeaturesTest",
      "VIRTUAL, dev.hilbench.features.suite.VirtualFeaturesTest"})
  void reportsUnderItsTargetsDirectory(Target target, Class<?> suite) {
    String plugins = Arrays.stream(suite.getAnnotationsByType(ConfigurationParameter.class))
        .filter(p -> p.key().equals(Constants.PLUGIN_PROPERTY_NAME)).map(ConfigurationParameter::value)
        .collect(Collectors.joining());
    for (String kind : new String[] {"html:", "json:", "TargetJunitXml:"}) {
      assertEquals(true, plugins.contains(kind + "target/cucumber/" + target.id() + "/"),
          suite.getSimpleName() + " writes its " + kind + " report under target/cucumber/" + target.id() + ": " + plugins);
    }
  }
}
