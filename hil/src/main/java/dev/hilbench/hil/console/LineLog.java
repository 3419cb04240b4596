package dev.hilbench.hil.console;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines received so far, numbered, and the waiting for one that matches: the expect logic,
 * written once above read/write. Every line is kept until the bound is reached, so two lines
 * arriving in one read are two chances to match, never one. Thread-safe: the reader adds, any
 * thread waits.
 */
final class LineLog {

  private final int capacity;
  private final ArrayDeque<ConsoleLine> lines = new ArrayDeque<>();
  private long next;
  private Throwable failure;
  private boolean closed;

  LineLog(int capacity) {
    this.capacity = capacity;
  }

  synchronized ConsoleLine add(Instant at, String text) {
    ConsoleLine line = new ConsoleLine(next++, at, text);
    lines.add(line);
    if (lines.size() > capacity) {
      lines.removeFirst();
    }
    notifyAll();
    return line;
  }

  /** The number the next line will get. */
  synchronized long nextNumber() {
    return next;
  }

  synchronized void fail(Throwable cause) {
    failure = cause;
    notifyAll();
  }

  synchronized void close() {
    closed = true;
    notifyAll();
  }

  synchronized Throwable failure() {
    return failure;
  }

  /**
   * The first line numbered {@code from} or later that matches, waiting until the deadline.
   *
   * @return the match, or null when the deadline passed without one
   * @throws ConsoleClosedException if the reader failed or the console closed meanwhile
   */
  synchronized ConsoleMatch await(Pattern pattern, long from, long deadlineNanos) throws InterruptedException {
    long scanFrom = from;
    while (true) {
      for (ConsoleLine line : lines) {
        if (line.number() >= scanFrom) {
          Matcher m = pattern.matcher(line.text());
          if (m.find()) {
            return new ConsoleMatch(line, m.toMatchResult());
          }
        }
      }
      scanFrom = next;
      if (failure != null) {
        throw new ConsoleClosedException("the console reader stopped: " + failure, failure);
      }
      if (closed) {
        throw new ConsoleClosedException("the console was closed", null);
      }
      long remaining = deadlineNanos - System.nanoTime();
      if (remaining <= 0) {
        return null;
      }
      TimeUnit.NANOSECONDS.timedWait(this, remaining);
    }
  }

  synchronized List<ConsoleLine> last(int count) {
    List<ConsoleLine> all = new ArrayList<>(lines);
    return all.subList(Math.max(0, all.size() - count), all.size());
  }

  synchronized List<ConsoleLine> snapshot() {
    return List.copyOf(lines);
  }
}
