package dev.hilbench.server.output;

import dev.hilbench.protocol.Malformed;
import dev.hilbench.protocol.Reading;
import dev.hilbench.server.OutputMode;
import java.io.PrintStream;
import java.time.ZoneId;

/**
 * What one connection thread prints: readings and session events to {@code out}, bad input to
 * {@code err}, in the configured {@link OutputMode}. Lines are collected in memory and written
 * with one call per loop iteration ({@link #flush()}), so the shared streams are locked once per
 * read, not once per line. In {@link OutputMode#QUIET} nothing is formatted at all. One per thread.
 */
public final class Output {

  private final OutputMode mode;
  private final PrintStream out;
  private final PrintStream err;
  private final Clock clock;
  private final StringBuilder outText = new StringBuilder(4096);
  private final StringBuilder errText = new StringBuilder(1024);

  public Output(OutputMode mode, PrintStream out, PrintStream err, ZoneId zone) {
    this.mode = mode;
    this.out = out;
    this.err = err;
    this.clock = new Clock(zone);
  }

  /** Whether anything is printed per reading (callers skip work otherwise). */
  public boolean verbose() {
    return mode != OutputMode.QUIET;
  }

  public void reading(long at, String device, String boot, String peer, Reading r, boolean duplicate) {
    switch (mode) {
      case LINES -> ClassroomFormat.appendReading(outText, clock.localTime(at), device, r, duplicate);
      case JSON -> JsonLines.appendReading(outText, clock, at, device, boot, peer, r, duplicate);
      case QUIET -> { }
    }
  }

  /** A rejected line; {@code device} is null when the connection has not said who it is. */
  public void badLine(long at, String device, String peer, Malformed m) {
    switch (mode) {
      case LINES -> ClassroomFormat.appendBadLine(errText, clock.localTime(at), device != null ? device : peer, peer, m);
      case JSON -> JsonLines.appendBadLine(errText, clock, at, device, peer, m);
      case QUIET -> { }
    }
  }

  /** A note about bad input that is not itself a line (e.g. how many reports were held back). */
  public void notice(long at, String device, String peer, String text) {
    switch (mode) {
      case LINES -> ClassroomFormat.appendEvent(errText, clock.localTime(at), device != null ? device : peer, text);
      case JSON -> JsonLines.appendEvent(errText, clock, at, device, peer, "notice", text);
      case QUIET -> { }
    }
  }

  /** A session event (connect, hello, reboot, takeover, disconnect, suppressed reports). */
  public void event(long at, String device, String peer, String kind, String detail) {
    switch (mode) {
      case LINES -> ClassroomFormat.appendEvent(outText, clock.localTime(at), device != null ? device : peer,
          detail == null || detail.isEmpty() ? kind : kind + ": " + detail);
      case JSON -> JsonLines.appendEvent(outText, clock, at, device, peer, kind, detail);
      case QUIET -> { }
    }
  }

  /** Writes what was collected. Blocks if the consumer of the output is slow: that is back-pressure too. */
  public void flush() {
    write(out, outText);
    write(err, errText);
  }

  private static void write(PrintStream stream, StringBuilder text) {
    if (text.isEmpty()) {
      return;
    }
    synchronized (stream) {
      stream.append(text);
      stream.flush();
    }
    if (text.capacity() > 1 << 20) {
      text.setLength(0);
      text.trimToSize(); // one burst must not pin a megabyte per thread
    } else {
      text.setLength(0);
    }
  }
}
