package dev.hilbench.cli.demo;

import dev.hilbench.protocol.LineError;
import dev.hilbench.protocol.Reading;
import dev.hilbench.server.DeviceSnapshot;
import java.util.Map;
import java.util.stream.Collectors;

/** What the receiver says, in the demo's words: a suffix for the progress line and a closing summary. */
final class ServerView {

  private ServerView() {}

  /** {@code | stored 412 | malformed 3}: the receiver's side of the progress line. */
  static String progress(Receiver receiver) {
    Receiver.Totals t = receiver.totals();
    return String.format(" | stored %d | malformed %d", t.stored(), t.malformed())
        + (receiver.current().isEmpty() ? " | RECEIVER DOWN" : "");
  }

  /** The classroom server's way of printing a reading. */
  static String classroom(String device, Reading r) {
    return String.format("%s Seq:%d Time:%d Temp:%.1f°C Hum:%.0f%%", device, r.seq(), r.millis(), r.temperature(), r.humidity());
  }

  /** The latest reading of a device as the classroom server printed it, if it sent one. */
  static java.util.Optional<String> lastReading(Receiver receiver, String device) {
    return receiver.device(device).map(DeviceSnapshot::lastReading).map(r -> classroom(device, r));
  }

  static String summary(Receiver.Totals s, int restarts) {
    StringBuilder b = new StringBuilder();
    b.append(String.format("The receiver%s stored %,d readings from %d devices and rejected %,d malformed lines%s.%n",
        restarts == 0 ? "" : " (restarted " + (restarts == 1 ? "once" : restarts + " times") + ")",
        s.stored(), s.devices(), s.malformed(), codes(s.malformedByCode())));
    b.append(String.format("It counted %,d gaps in seq, %,d duplicates (resent, recognised, not stored again), "
            + "%,d reboots, %,d half-open connections closed by the idle timeout, %,d takeovers.%n",
        s.gaps(), s.duplicates(), s.reboots(), s.idleCloses(), s.takeovers()));
    return b.toString();
  }

  private static String codes(Map<LineError, Long> byCode) {
    if (byCode.isEmpty()) {
      return "";
    }
    return byCode.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey().code() + " " + e.getValue()).collect(Collectors.joining(", ", " (", ")"));
  }
}
