package dev.hilbench.server.admin;

import dev.hilbench.protocol.LineError;
import dev.hilbench.server.ServerStats;
import dev.hilbench.server.forward.ForwardState;
import dev.hilbench.server.forward.ForwardStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * The server's counters in the Prometheus text exposition format (version 0.0.4): a
 * {@code # HELP} and {@code # TYPE} line per metric, then its samples. Written by hand: it is a
 * few lines, and a client library would bring a registry we do not need. Every reason code is
 * listed, with 0 when none was seen, so that series do not appear out of nowhere.
 */
public final class MetricsText {

  /** The media type Prometheus expects for this format. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private MetricsText() {}

  public static String format(ServerStats s) {
    return format(s, Optional.empty());
  }

  /** The counters, and the {@code hilbench_forward_*} series when forwarding. */
  public static String format(ServerStats s, Optional<ForwardStatus> forward) {
    StringBuilder m = new StringBuilder(4096);
    header(m, "hilbench_start_time_seconds", "When the server started, in seconds since the epoch.", "gauge");
    m.append("hilbench_start_time_seconds ").append(seconds(s.startedAt())).append('\n');
    gauge(m, "hilbench_connections_open", "Connections open now.", s.connectionsOpen());
    counter(m, "hilbench_connections_accepted_total", "Connections accepted.", s.connectionsAccepted());
    counter(m, "hilbench_connections_refused_total", "Connections closed at once because --max-connections were open.",
        s.connectionsRefused());
    counter(m, "hilbench_readings_received_total", "Valid reading lines received, duplicates included.",
        s.readingsReceived());
    counter(m, "hilbench_readings_stored_total", "Readings committed to the store.", s.readingsStored());
    timestamp(m, "hilbench_last_reading_timestamp_seconds", "When a valid reading was last received (0: not yet).",
        s.lastReadingAt());
    timestamp(m, "hilbench_last_stored_timestamp_seconds", "When readings were last committed to the store (0: not yet).",
        s.lastStoredAt());
    counter(m, "hilbench_readings_duplicate_total", "Readings received again and not stored again.", s.duplicates());
    gauge(m, "hilbench_readings_missing", "Readings skipped in seq order and not received since (gaps).", s.gaps());
    counter(m, "hilbench_reboots_total", "Device reboots seen.", s.reboots());
    header(m, "hilbench_malformed_lines_total", "Lines rejected, by reason.", "counter");
    for (LineError code : LineError.values()) {
      m.append("hilbench_malformed_lines_total{code=\"").append(escapeLabel(code.code())).append("\"} ")
          .append(s.malformed(code)).append('\n');
    }
    counter(m, "hilbench_idle_closes_total", "Connections closed for silence longer than the idle timeout.",
        s.idleCloses());
    counter(m, "hilbench_takeovers_total", "Connections closed because the same device connected again.",
        s.takeovers());
    counter(m, "hilbench_bytes_read_total", "Bytes read from all connections.", s.bytesRead());
    gauge(m, "hilbench_store_queue_depth", "Readings parsed and waiting for the store.", s.storeQueueDepth());
    counter(m, "hilbench_read_pauses_total", "Times reading stopped because the store fell behind.", s.readPauses());
    gauge(m, "hilbench_devices", "Devices known.", s.devices());
    gauge(m, "hilbench_store_enabled", "1 if readings go to a database, 0 with --store none.", s.storing() ? 1 : 0);
    forward.ifPresent(f -> forward(m, f));
    return m.toString();
  }

  /** The forwarder's series. The last error's text is in /status: as a label it would make a new series per message. */
  private static void forward(StringBuilder m, ForwardStatus f) {
    counter(m, "hilbench_forward_readings_total", "Readings the forward endpoint acknowledged (2xx).", f.forwarded());
    counter(m, "hilbench_forward_batches_total", "Requests the forward endpoint acknowledged (2xx).", f.batches());
    counter(m, "hilbench_forward_retries_total", "Forward requests that failed and were retried.", f.retries());
    gauge(m, "hilbench_forward_lag", "Readings committed and not yet acknowledged by the forward endpoint.", f.lag());
    gauge(m, "hilbench_forward_stopped",
        "1 once forwarding stopped: the endpoint refused a batch (4xx), or an unexpected error.",
        f.state() == ForwardState.STOPPED || f.state() == ForwardState.FAILED ? 1 : 0);
    timestamp(m, "hilbench_forward_last_delivery_timestamp_seconds",
        "When the forward endpoint last acknowledged a batch (0: not yet).", f.lastDeliveryAt());
    timestamp(m, "hilbench_forward_last_error_timestamp_seconds",
        "When forwarding last failed (0: never); the error is in /status.", f.lastErrorAt());
  }

  private static void timestamp(StringBuilder m, String name, String help, Instant t) {
    header(m, name, help, "gauge");
    m.append(name).append(' ').append(t == null ? "0" : seconds(t)).append('\n');
  }

  /** Seconds since the epoch with milliseconds, as Prometheus writes timestamps. */
  private static String seconds(Instant t) {
    long millis = t.toEpochMilli();
    return millis / 1000 + "." + String.format("%03d", millis % 1000);
  }

  /** Escapes a label value: backslash, double quote and newline, as the format requires. */
  static String escapeLabel(String v) {
    return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  private static void counter(StringBuilder m, String name, String help, long value) {
    header(m, name, help, "counter");
    m.append(name).append(' ').append(value).append('\n');
  }

  private static void gauge(StringBuilder m, String name, String help, long value) {
    header(m, name, help, "gauge");
    m.append(name).append(' ').append(value).append('\n');
  }

  private static void header(StringBuilder m, String name, String help, String type) {
    m.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
    m.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }
}
