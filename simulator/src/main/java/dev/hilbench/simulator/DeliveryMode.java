package dev.hilbench.simulator;

/** What a node does with a reading it cannot send right now. */
public enum DeliveryMode {
  /** Send and forget; nothing buffered: the classroom sketch. */
  CLASSROOM,
  /** A bounded ring of readings not yet written, sent after reconnecting. */
  BUFFERED,
  /** Readings kept until the server acknowledges them ({@code ack=1} in the hello), resent after reconnecting. */
  ACKNOWLEDGED;

  public static DeliveryMode parse(String text) {
    return switch (text.toLowerCase(java.util.Locale.ROOT)) {
      case "classroom" -> CLASSROOM;
      case "buffered" -> BUFFERED;
      case "acknowledged", "ack", "acked" -> ACKNOWLEDGED;
      default -> throw new IllegalArgumentException(
          "unknown delivery mode '" + text + "' (known: classroom, buffered, acknowledged)");
    };
  }

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
