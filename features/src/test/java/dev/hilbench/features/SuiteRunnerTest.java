package dev.hilbench.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.features.run.SuiteRunner;
import dev.hilbench.features.target.Target;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuiteRunnerTest {

  @Test
  void theTargetsFilterComesFirstAndTheCallersIsAddedToIt() {
    List<String> args = SuiteRunner.arguments(Target.NODEMCU, Path.of("out"), "@reboot or @flash");
    int first = args.indexOf("--tags");
    assertEquals(Target.NODEMCU.tagExpression(), args.get(first + 1));
    assertEquals("@reboot or @flash", args.get(args.lastIndexOf("--tags") + 1));
    assertEquals("classpath:features", args.get(args.size() - 1));
  }

  @Test
  void reportsGoToTheReportDirectory() {
    List<String> args = SuiteRunner.arguments(Target.NODEMCU, Path.of("out"), null);
    assertTrue(args.contains("html:" + Path.of("out", "report.html")), args.toString());
    assertTrue(args.contains("json:" + Path.of("out", "report.json")), args.toString());
    assertTrue(args.contains("dev.hilbench.features.report.TargetJunitXml:" + Path.of("out", "junit.xml")), args.toString());
    assertEquals(1, args.stream().filter("--tags"::equals).count(), "no extra filter when none is given");
  }
}
