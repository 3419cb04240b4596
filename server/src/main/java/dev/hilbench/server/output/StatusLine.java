package dev.hilbench.server.output;

import dev.hilbench.server.ServerStats;

/**
 * The counters line {@code serve --output quiet} prints every few seconds, with rates since the
 * previous line, e.g.
 * {@code [16:00:05] 8 open, 8 accepted, 0 refused | 2512000 received (502400/s), 2500000 stored (500000/s) | ...}.
 */
public final class StatusLine {

  private StatusLine() {}

  public static String format(String time, ServerStats now, ServerStats before, double seconds) {
    StringBuilder s = new StringBuilder(200);
    s.append('[').append(time).append("] ")
        .append(now.connectionsOpen()).append(" open, ")
        .append(now.connectionsAccepted()).append(" accepted, ")
        .append(now.connectionsRefused()).append(" refused | ")
        .append(now.readingsReceived()).append(" received (")
        .append(rate(now.readingsReceived() - before.readingsReceived(), seconds)).append("/s)");
    if (now.storing()) {
      s.append(", ").append(now.readingsStored()).append(" stored (")
          .append(rate(now.readingsStored() - before.readingsStored(), seconds)).append("/s), queue ")
          .append(now.storeQueueDepth()).append(", ").append(now.readPauses()).append(" pauses");
    }
    s.append(" | ").append(now.duplicates()).append(" duplicates, ")
        .append(now.gaps()).append(" missing, ")
        .append(now.malformed()).append(" malformed, ")
        .append(now.idleCloses()).append(" idle closes, ")
        .append(now.devices()).append(" devices");
    return s.append('\n').toString();
  }

  private static long rate(long delta, double seconds) {
    return seconds <= 0 ? 0 : Math.round(delta / seconds);
  }
}
