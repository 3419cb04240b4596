package dev.hilbench.features.dut;

import java.util.Locale;

/** How a device delivers its readings; the names are the firmware console's ({@code mode ...}). */
public enum DeliveryMode {
  /** Send and forget, nothing buffered: the classroom sketch. */
  CLASSROOM,
  /** Unsent readings kept in a bounded ring and sent after reconnecting. */
  BUFFERED,
  /** Readings kept until the server acknowledges them (hello with {@code ack=1}). */
  ACK;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static DeliveryMode parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "classroom", "send and forget" -> CLASSROOM;
      case "buffered", "buffering" -> BUFFERED;
      case "ack", "acknowledged", "acknowledgements", "acknowledgments" -> ACK;
      default -> throw new IllegalArgumentException("unknown delivery mode '" + text
          + "': expected classroom, buffered or acknowledged");
    };
  }
}
