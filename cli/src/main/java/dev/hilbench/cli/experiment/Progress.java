package dev.hilbench.cli.experiment;

import java.io.PrintWriter;

/**
 * The live progress on standard error: notes (one line each, for what just happened) and a
 * status line (what is happening now). On a terminal the status line rewrites itself as often as
 * it changes; in a log or a pipe it is printed every few seconds, so that a long run does not
 * flood it.
 */
final class Progress {

  private static final long TERMINAL_EVERY_NANOS = 200_000_000L;
  private static final long LOG_EVERY_NANOS = 5_000_000_000L;

  private final PrintWriter err;
  private final boolean rewrite;
  private long lastStatus = System.nanoTime() - LOG_EVERY_NANOS;
  private boolean dirty;

  Progress(PrintWriter err, boolean rewrite) {
    this.err = err;
    this.rewrite = rewrite;
  }

  /** A line about something that just happened (any thread). */
  synchronized void note(String text) {
    endLine();
    err.println(text);
    err.flush();
  }

  /** What is happening now (any thread); shown at most every so often. */
  synchronized void status(String text) {
    long now = System.nanoTime();
    if (now - lastStatus < (rewrite ? TERMINAL_EVERY_NANOS : LOG_EVERY_NANOS)) {
      return;
    }
    lastStatus = now;
    if (rewrite) {
      err.print("\r" + text + "\u001b[K");
      dirty = true;
    } else {
      err.println(text);
    }
    err.flush();
  }

  private void endLine() {
    if (dirty) {
      err.println();
      dirty = false;
    }
  }
}
