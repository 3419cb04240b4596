package dev.hilbench.features.suite;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;

import dev.hilbench.features.target.Tags;
import dev.hilbench.features.target.Target;
import org.junit.platform.suite.api.AfterSuite;
import org.junit.platform.suite.api.BeforeSuite;
import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.ExcludeTags;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/** The features against simulated nodes: what CI runs on every push. */
@Suite
@SuiteDisplayName("features on the simulator")
@IncludeEngines("cucumber")
@SelectPackages("features")
@ExcludeTags({Tags.NEEDS_FLASH, Tags.NEEDS_SENSOR_CONTROL})
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "dev.hilbench.features.glue")
@ConfigurationParameter(key = PLUGIN_PROPERTY_NAME, value = "dev.hilbench.features.report.TargetReport,"
    + "html:target/cucumber/simulator/report.html,"
    + "json:target/cucumber/simulator/report.json,"
    + "dev.hilbench.features.report.TargetJunitXml:target/cucumber/simulator/junit.xml")
public class SimulatorFeaturesTest {

  @BeforeSuite
  static void begin() {
    TargetSuite.begin(Target.SIMULATOR);
  }

  @AfterSuite
  static void end() {
    TargetSuite.end(Target.SIMULATOR);
  }
}
