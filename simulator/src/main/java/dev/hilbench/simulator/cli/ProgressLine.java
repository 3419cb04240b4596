package dev.hilbench.simulator.cli;

import dev.hilbench.simulator.FleetStats;
import dev.hilbench.simulator.scenario.FleetRun;
import dev.hilbench.simulator.scenario.TimedEvent;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/**
 * The live line a run prints each second: on a terminal it rewrites itself, elsewhere (a log, a
 * pipe) it is one line per second.
 *
 * <pre>[ 12s/60s] connected 20/20 | 4.0/s | sent 212 | reconnects 3 | errors 0</pre>
 *
 * <p>The rate is readings written per second over the last second; errors are failed connection
 * attempts plus connections that ended abruptly.
 */
public final class ProgressLine implements FleetRun.Watcher {

  private final PrintWriter out;
  private final boolean rewrite;
  private final Duration total;
  private long lastSent = -1;
  private long lastNanos;
  private final java.util.function.Supplier<String> more;
  private boolean dirty;

  public ProgressLine(PrintWriter out, boolean rewrite, Duration total) {
    this(out, rewrite, total, () -> "");
  }

  /** @param more appended to each line (the demo adds what the server says) */
  public ProgressLine(PrintWriter out, boolean rewrite, Duration total, java.util.function.Supplier<String> more) {
    this.out = out;
    this.rewrite = rewrite;
    this.total = total;
    this.more = more;
  }

  @Override
  public synchronized void tick(FleetStats s, Duration elapsed) {
    long now = System.nanoTime();
    long delivered = s.sent() + s.mangled();
    double rate = lastSent < 0 ? delivered / Math.max(1e-3, elapsed.toNanos() / 1e9)
        : (delivered - lastSent) / Math.max(1e-3, (now - lastNanos) / 1e9);
    lastSent = delivered;
    lastNanos = now;
    String line = String.format("[%3ds/%ds] connected %d/%d | %.1f/s | sent %d%s | reconnects %d | errors %d",
        elapsed.toSeconds(), total.toSeconds(), s.connected(), s.nodes(), rate, delivered,
        s.acked() > 0 ? " acked " + s.acked() : "", s.reconnects(), errors(s)) + more.get();
    if (rewrite) {
      // A line wider than the terminal would wrap, and \r would only go back to its last row.
      int width = terminalWidth() - 1;
      out.print("\r" + (line.length() > width ? line.substring(0, width) : line) + "\u001b[K");
      dirty = true;
    } else {
      out.println(line);
    }
    out.flush();
  }

  private static int terminalWidth() {
    try {
      return Math.max(40, Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "100")));
    } catch (NumberFormatException e) {
      return 100;
    }
  }

  /** What the line calls errors: failed connection attempts and connections that ended abruptly. */
  static long errors(FleetStats s) {
    return s.connectFailures() + s.abruptCloses() + s.errors();
  }

  /** A line about something that just happened, between progress lines (any thread). */
  public synchronized void note(String text) {
    endLine();
    out.println(text);
    out.flush();
  }

  @Override
  public synchronized void event(TimedEvent event, List<Integer> nodes) {
    endLine();
    out.println("event: " + event.describe() + " -> " + nodes.size() + " node" + (nodes.size() == 1 ? "" : "s"));
  }

  @Override
  public synchronized void stopping() {
    endLine();
    out.println("stopping: sending what the nodes still hold, then closing");
  }

  private void endLine() {
    if (dirty) {
      out.println();
      dirty = false;
    }
  }
}
