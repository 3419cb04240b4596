package dev.hilbench.server.output;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Formats receive times for output lines, caching the text of the current second: at hundreds of
 * thousands of lines a second, formatting each time from scratch would cost more than the line.
 * One per thread.
 */
public final class Clock {

  private static final DateTimeFormatter ISO_SECOND = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
  private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final ZoneId zone;
  private long localSecond = Long.MIN_VALUE;
  private String localText;
  private long utcSecond = Long.MIN_VALUE;
  private String utcText;

  public Clock(ZoneId zone) {
    this.zone = zone;
  }

  /** {@code HH:mm:ss} in the local zone, as the classroom server printed it. */
  public String localTime(long epochMillis) {
    long second = Math.floorDiv(epochMillis, 1000);
    if (second != localSecond) {
      localSecond = second;
      localText = LOCAL_TIME.format(Instant.ofEpochSecond(second).atZone(zone));
    }
    return localText;
  }

  /** Appends an ISO-8601 UTC instant with milliseconds, e.g. {@code 2025-11-27T09:39:01.123Z}. */
  public StringBuilder appendUtc(StringBuilder s, long epochMillis) {
    long second = Math.floorDiv(epochMillis, 1000);
    if (second != utcSecond) {
      utcSecond = second;
      utcText = ISO_SECOND.format(Instant.ofEpochSecond(second).atZone(ZoneOffset.UTC));
    }
    int ms = Math.floorMod(epochMillis, 1000);
    s.append(utcText).append('.');
    if (ms < 100) {
      s.append('0');
    }
    if (ms < 10) {
      s.append('0');
    }
    return s.append(ms).append('Z');
  }
}
