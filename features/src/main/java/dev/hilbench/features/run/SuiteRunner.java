package dev.hilbench.features.run;

import dev.hilbench.features.dut.nodemcu.WifiCredentials;
import dev.hilbench.features.target.ScenarioCatalog;
import dev.hilbench.features.target.Target;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the suite in this JVM through Cucumber's runtime API, as {@code ./hilbench bench} does for a
 * real board: the same features and glue as the Maven build, the target's tag filter and the
 * caller's, the reports in one directory.
 */
public final class SuiteRunner {

  /** Where the glue lives. */
  public static final String GLUE = "dev.hilbench.features.glue";

  private SuiteRunner() {}

  /**
   * The Cucumber command line for a run: glue, plugins writing under {@code reportDir}, the
   * target's tag filter, then {@code extraTags} if any (Cucumber ANDs repeated --tags).
   */
  public static List<String> arguments(Target target, Path reportDir, String extraTags) {
    List<String> args = new ArrayList<>(List.of(
        "--monochrome",
        "--glue", GLUE,
        "--plugin", "dev.hilbench.features.report.TargetReport",
        "--plugin", "html:" + reportDir.resolve("report.html"),
        "--plugin", "json:" + reportDir.resolve("report.json"),
        "--plugin", "dev.hilbench.features.report.TargetJunitXml:" + reportDir.resolve("junit.xml")));
    if (!target.leftOut().isEmpty()) {
      args.addAll(List.of("--tags", target.tagExpression()));
    }
    if (extraTags != null && !extraTags.isBlank()) {
      args.addAll(List.of("--tags", extraTags));
    }
    args.add("classpath:" + ScenarioCatalog.ROOT);
    return args;
  }

  /**
   * Runs the suite for {@code target} with the given {@link RunSettings} system properties set for
   * the run's length (and restored after), and the Wi-Fi credentials, if given, held in memory
   * for the real-board target ({@link RunSecrets}).
   *
   * @return 0 when every scenario passed, 1 otherwise
   */
  public static int run(Target target, Path reportDir, String extraTags, Map<String, String> properties,
      WifiCredentials wifi) {
    Map<String, String> all = new HashMap<>(properties);
    all.put(RunSettings.TARGET, target.id());
    all.putIfAbsent(RunSettings.WORK_DIR, reportDir.resolve("scenarios").toString());
    all.putIfAbsent("cucumber.publish.quiet", "true");
    Map<String, String> previous = new HashMap<>();
    all.forEach((k, v) -> previous.put(k, System.getProperty(k)));
    all.forEach(System::setProperty);
    RunSecrets.set(wifi);
    try {
      byte status = io.cucumber.core.cli.Main.run(arguments(target, reportDir, extraTags).toArray(String[]::new),
          Thread.currentThread().getContextClassLoader());
      return status == 0 ? 0 : 1;
    } finally {
      RunSecrets.clear();
      previous.forEach((k, v) -> {
        if (v == null) {
          System.clearProperty(k);
        } else {
          System.setProperty(k, v);
        }
      });
    }
  }
}
