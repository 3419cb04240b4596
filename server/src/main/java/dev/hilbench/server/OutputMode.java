package dev.hilbench.server;

/** What {@code serve} prints per reading. */
public enum OutputMode {
  /** One classroom-style line per reading, e.g. {@code [16:00:01] 192.168.1.23 Seq:12 Time:1234567 Temp:28.3°C Hum:65.2%}. */
  LINES,
  /** One JSON object per reading and per session event, for machines. */
  JSON,
  /** Nothing per reading: a counters line every few seconds. For load. */
  QUIET
}
