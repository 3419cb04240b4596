package dev.hilbench.cli.experiment;

import dev.hilbench.simulator.Durations;
import dev.hilbench.simulator.policy.PolicyKind;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The experiment's charts as PNG files, drawn by JFreeChart without a display: nodes back over
 * time, accepts per second and connection attempts per second, one line per policy, the outage
 * shaded.
 */
final class ExperimentCharts {

  static final String NODES_BACK = "nodes-back.png";
  static final String ACCEPTS = "accepts-per-second.png";
  static final String ATTEMPTS = "attempts-per-second.png";
  static final int WIDTH = 1000;
  static final int HEIGHT = 560;
  static final String X_LABEL = "time since the port reopened (s)";

  static {
    // Before any AWT class (Color below) reads it: a command-line tool never looks for a display.
    System.setProperty("java.awt.headless", "true");
  }

  /** One colour per policy, the same in every chart: Okabe and Ito's, told apart with any colour vision. */
  private static final Color[] COLOURS = {
    new Color(213, 94, 0), new Color(0, 114, 178), new Color(0, 158, 115), new Color(204, 121, 167),
  };

  private ExperimentCharts() {}

  /** Writes the three charts into {@code dir}; returns their file names. */
  static List<String> write(Path dir, RestartPlan plan, List<PolicyResult> results) throws IOException {
    String subtitle = subtitle(plan);
    save(dir.resolve(NODES_BACK), chart("Nodes back after the receiver restarted", subtitle,
        String.format(Locale.ROOT, "nodes back (of %,d)", plan.devices()), results, ChartSeries::nodesBack, true));
    save(dir.resolve(ACCEPTS), chart("Connections accepted per second by the receiver", subtitle,
        "accepts per second", results, ChartSeries::acceptRate, false));
    save(dir.resolve(ATTEMPTS), chart("Connection attempts per second by the nodes (refused ones included)",
        subtitle, "attempts per second", results, ChartSeries::attemptRate, false));
    return List.of(NODES_BACK, ACCEPTS, ATTEMPTS);
  }

  static String subtitle(RestartPlan plan) {
    return String.format(Locale.ROOT, "%,d nodes (%s delivery, a reading every %s), receiver down %s; backoff base %s, "
            + "cap %s, multiplier %s; seed %d", plan.devices(), plan.mode().label(), Durations.format(plan.interval()),
        Durations.format(plan.down()), Durations.format(plan.base()), Durations.format(plan.cap()),
        plan.multiplierText(), plan.seed());
  }

  static JFreeChart chart(String title, String subtitle, String yLabel, List<PolicyResult> results,
      Function<PolicyResult, List<ChartSeries.Point>> line, boolean integerAxis) {
    XYSeriesCollection data = new XYSeriesCollection();
    XYStepRenderer renderer = new XYStepRenderer();
    double outage = 0;
    for (int i = 0; i < results.size(); i++) {
      PolicyResult r = results.get(i);
      XYSeries series = new XYSeries(r.policy().label(), false, true);
      line.apply(r).forEach(p -> series.add(p.x(), p.y()));
      data.addSeries(series);
      renderer.setSeriesPaint(i, colour(r.policy()));
      renderer.setSeriesStroke(i, new BasicStroke(2f));
      outage = Math.max(outage, r.outage().toNanos() / 1e9);
    }
    JFreeChart chart = ChartFactory.createXYLineChart(title, X_LABEL, yLabel, data,
        PlotOrientation.VERTICAL, true, false, false);
    chart.addSubtitle(new TextTitle(subtitle, new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
    chart.setBackgroundPaint(Color.WHITE);
    XYPlot plot = chart.getXYPlot();
    plot.setRenderer(renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(220, 220, 220));
    plot.setRangeGridlinePaint(new Color(220, 220, 220));
    IntervalMarker down = new IntervalMarker(-outage, 0, new Color(0, 0, 0, 28));
    down.setLabel("receiver down");
    down.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    down.setLabelAnchor(RectangleAnchor.TOP);
    down.setLabelTextAnchor(TextAnchor.TOP_CENTER);
    plot.addDomainMarker(down, Layer.BACKGROUND);
    NumberAxis y = (NumberAxis) plot.getRangeAxis();
    y.setLowerBound(0);
    if (integerAxis) {
      y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    }
    return chart;
  }

  static Color colour(PolicyKind policy) {
    return COLOURS[policy.ordinal() % COLOURS.length];
  }

  private static void save(Path file, JFreeChart chart) throws IOException {
    ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
  }
}
