package dev.hilbench.cli.experiment;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The raw data as CSV (RFC 4180 quoting, LF line ends, a header row): one file with a row per
 * node and policy, one with a row per sampling interval and policy. Times in seconds after the
 * port reopened, with millisecond precision.
 */
public final class ExperimentCsv {

  static final List<String> NODE_COLUMNS = List.of("policy", "device", "back_after_s", "connections_after_reopen",
      "readings_after_reopen", "lost", "lost_in_transit", "allowed_in_transit");
  static final List<String> SECOND_COLUMNS = List.of("policy", "start_s", "end_s", "accepts", "attempts",
      "failed_attempts", "connected", "back");

  private ExperimentCsv() {}

  /** A row per node and policy; {@code back_after_s} is empty for a node that did not come back. */
  public static String nodes(List<PolicyResult> results) {
    StringBuilder b = new StringBuilder();
    row(b, NODE_COLUMNS.stream());
    for (PolicyResult r : results) {
      for (NodeOutcome n : r.nodes()) {
        row(b, Stream.of(r.policy().label(), n.device(), n.back() ? seconds(n.backMillis() / 1000.0) : "",
            n.connections(), n.readingsAfter(), n.lost(), n.lostInTransit(), n.allowedInTransit()));
      }
    }
    return b.toString();
  }

  /** A row per sampling interval and policy, from the moment the receiver went down. */
  public static String seconds(List<PolicyResult> results) {
    StringBuilder b = new StringBuilder();
    row(b, SECOND_COLUMNS.stream());
    for (PolicyResult r : results) {
      for (SecondSample s : r.seconds()) {
        row(b, Stream.of(r.policy().label(), seconds(s.startSeconds()), seconds(s.endSeconds()), s.accepts(),
            s.attempts(), s.failed(), s.connected(), s.back()));
      }
    }
    return b.toString();
  }

  /** A field as RFC 4180 wants it: quoted (quotes doubled) only if it holds a comma, a quote or a line end. */
  static String field(Object value) {
    String s = String.valueOf(value);
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  private static String seconds(double s) {
    return String.format(Locale.ROOT, "%.3f", s);
  }

  private static void row(StringBuilder b, Stream<?> fields) {
    b.append(fields.map(ExperimentCsv::field).collect(Collectors.joining(","))).append('\n');
  }
}
