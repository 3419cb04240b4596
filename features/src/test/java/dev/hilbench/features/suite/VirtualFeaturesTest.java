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

/** The features against the virtual NodeMCU: the real firmware logic and serial path, without hardware. */
@Suite
@SuiteDisplayName("features on the virtual NodeMCU")
@IncludeEngines("cucumber")
@SelectPackages("features")
@ExcludeTags({Tags.FLEET})
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "dev.hilbench.features.glue")
@ConfigurationParameter(key = PLUGIN_PROPERTY_NAME, value = "dev.hilbench.features.report.TargetReport,"
    + "html:target/cucumber/virtual/report.html,"
    + "json:target/cucumber/virtual/report.json,"
    + "dev.hilbench.features.report.TargetJunitXml:target/cucumber/virtual/junit.xml")
public class VirtualFeaturesTest {

  @BeforeSuite
  static void begin() {
    TargetSuite.begin(Target.VIRTUAL);
  }

  @AfterSuite
  static void end() {
    TargetSuite.end(Target.VIRTUAL);
  }
}
