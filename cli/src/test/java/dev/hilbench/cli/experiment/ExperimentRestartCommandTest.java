package dev.hilbench.cli.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code ./hilbench experiment restart}, end to end over loopback: a real receiver restarted under a real fleet. */
class ExperimentRestartCommandTest {

  private static final long SEED = 11;

  @TempDir Path dir;

  @Test
  void aTinyExperimentMeasuresTwoPoliciesAndWritesTheTableTheCsvAndTheCharts() throws Exception {
    Path out = dir.resolve("results");
    ExperimentCommandRun run = ExperimentCommandRun.of("experiment", "restart", "--devices", "20", "--interval", "200ms",
        "--down", "1s", "--policy", "fixed,full_jitter", "--reset-after", "1s", "--timeout", "15s",
        "--seed", String.valueOf(SEED), "--out", out.toString());
    String context = "seed " + SEED + "\n" + run;
    assertEquals(0, run.exit(), context);

    // The table: a row per policy, every node back, reconciled.
    List<String> rows = run.out().lines().filter(l -> l.startsWith("| ")).toList();
    assertEquals(4, rows.size(), context);
    assertTrue(rows.get(0).contains("50 % back") && rows.get(0).contains("peak accepts"), context);
    for (String policy : List.of("fixed", "full-jitter")) {
      String row = rows.stream().filter(r -> r.startsWith("| " + policy + " ")).findFirst().orElseThrow();
      assertTrue(row.trim().endsWith("ok |"), "reconciled: " + row);
      assertTrue(!row.contains("not within"), "every node back: " + row);
    }
    assertTrue(run.out().contains("Every run completed and reconciled"), context);

    // The progress on standard error: each policy, its phases, the nodes back.
    assertTrue(run.err().contains("[fixed] port reopened") && run.err().contains("[full-jitter] port reopened"), context);
    assertTrue(run.err().contains("[full-jitter] all 20 nodes back and delivering"), context);

    // The CSV: every node of both runs back, with a time and a connection after the reopen.
    List<Map<String, String>> nodes = csv(out.resolve("nodes.csv"));
    assertEquals(40, nodes.size());
    assertEquals(Map.of("fixed", 20L, "full-jitter", 20L),
        nodes.stream().collect(Collectors.groupingBy(n -> n.get("policy"), Collectors.counting())));
    for (Map<String, String> n : nodes) {
      assertTrue(Double.parseDouble(n.get("back_after_s")) >= 0, n.toString());
      assertTrue(Integer.parseInt(n.get("connections_after_reopen")) >= 1, n.toString());
      assertTrue(Integer.parseInt(n.get("readings_after_reopen")) >= 3, n.toString());
      assertTrue(Long.parseLong(n.get("lost_in_transit")) <= Long.parseLong(n.get("allowed_in_transit")), n.toString());
    }
    List<Map<String, String>> seconds = csv(out.resolve("seconds.csv"));
    for (String policy : List.of("fixed", "full-jitter")) {
      List<Map<String, String>> mine = seconds.stream().filter(s -> s.get("policy").equals(policy)).toList();
      assertTrue(Double.parseDouble(mine.get(0).get("start_s")) < -0.9, "sampling starts as the receiver goes down: " + mine);
      assertEquals(20, mine.stream().mapToLong(s -> Long.parseLong(s.get("accepts"))).sum(),
          policy + ": one accept per node after the reopen: " + mine);
      assertEquals("20", mine.get(mine.size() - 1).get("back"), mine.toString());
    }

    // The charts decode as images; the report shows the table and links them.
    for (String png : List.of("nodes-back.png", "accepts-per-second.png", "attempts-per-second.png")) {
      BufferedImage image = ImageIO.read(out.resolve(png).toFile());
      assertNotNull(image, png + " is not an image");
      assertEquals(ExperimentCharts.WIDTH, image.getWidth(), png);
      assertEquals(ExperimentCharts.HEIGHT, image.getHeight(), png);
    }
    String report = Files.readString(out.resolve("report.md"));
    assertTrue(report.contains(rows.get(2)) && report.contains(rows.get(3)), "the table in the report\n" + report);
    assertTrue(report.contains("](nodes-back.png)") && report.contains("](accepts-per-second.png)"), report);
    assertTrue(report.contains("--seed " + SEED), "the command line that repeats it\n" + report);
    assertTrue(Files.size(out.resolve("fixed.ledger")) > 0 && Files.size(out.resolve("full-jitter.db")) > 0);
  }

  @Test
  void aRunWhoseNodesAreNotBackInTimeFailsAndSaysSo() throws Exception {
    Path out = dir.resolve("too-short");
    // Exponential backoff, base 1 s: the nodes try at 0, 1 and 3 s into a 1.5 s outage, so 1.5 s
    // after the reopening, long after the 300 ms timeout (and half a second clear of the reopening).
    ExperimentCommandRun run = ExperimentCommandRun.of("experiment", "restart", "--devices", "5", "--interval", "200ms",
        "--down", "1500ms", "--policy", "exponential", "--reset-after", "1s", "--timeout", "300ms",
        "--seed", String.valueOf(SEED), "--out", out.toString());
    String context = "seed " + SEED + "\n" + run;
    assertEquals(1, run.exit(), context);
    String row = run.out().lines().filter(l -> l.startsWith("| exponential ")).findFirst().orElseThrow();
    assertTrue(row.contains("not within 300ms"), context);
    assertTrue(run.out().contains("FAILED (seed " + SEED + "; replay with --seed " + SEED + ")"), context);
    assertTrue(run.out().contains("exponential: 5 of 5 nodes not back within 300ms of the port reopening"), context);
    assertTrue(run.err().contains("[exponential] after 300ms: 0/5 nodes back"), context);
    String report = Files.readString(out.resolve("report.md"));
    assertTrue(report.contains("## Problems") && report.contains("5 of 5 nodes not back within 300ms"), report);
    assertTrue(csv(out.resolve("nodes.csv")).stream().allMatch(n -> n.get("back_after_s").isEmpty()),
        "no back time in the CSV for a node not back in time");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "--down soon                   | --down: 'soon' is not a duration",
      "--policy fixed,warp           | unknown reconnect policy 'warp'",
      "--mode carrier-pigeon         | unknown delivery mode 'carrier-pigeon'",
      "--devices 0                   | --devices must be at least 1",
      "--base 2s --cap 1s            | cap (1000 ms) must not be below base (2000 ms)",
      "--readings-after 0            | --readings-after must be at least 1",
      "--multiplier lots             | Invalid value for option '--multiplier'",
  })
  void badOptionsAreBadUsageAndSayWhichOne(String args, String expected) {
    String[] tail = args.trim().split(" +");
    String[] all = new String[tail.length + 4];
    all[0] = "experiment";
    all[1] = "restart";
    System.arraycopy(tail, 0, all, 2, tail.length);
    all[all.length - 2] = "--out";
    all[all.length - 1] = dir.resolve("never").toString();
    ExperimentCommandRun run = ExperimentCommandRun.of(all);
    assertEquals(2, run.exit(), run.toString());
    assertTrue(run.err().contains(expected), run.toString());
    assertTrue(Files.notExists(dir.resolve("never")), "nothing written on bad usage");
  }

  @Test
  void anExperimentMustBeNamed() {
    ExperimentCommandRun run = ExperimentCommandRun.of("experiment");
    assertEquals(2, run.exit(), run.toString());
    assertTrue(run.err().contains("an experiment is required: restart"), run.toString());
  }

  /** A CSV file with a header row as maps (no field of ours needs quoting). */
  private static List<Map<String, String>> csv(Path file) throws Exception {
    List<String> lines = Files.readAllLines(file);
    String[] header = lines.get(0).split(",", -1);
    return lines.subList(1, lines.size()).stream().map(l -> {
      String[] f = l.split(",", -1);
      Map<String, String> m = new java.util.LinkedHashMap<>();
      for (int i = 0; i < header.length; i++) {
        m.put(header[i], f[i]);
      }
      return m;
    }).toList();
  }
}
