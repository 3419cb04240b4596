package dev.hilbench.server.output;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * Where the server reports what went wrong on its side (a failed commit, an accept error, a bug in
 * a connection thread): one timestamped line on the error stream, with the stack trace for
 * unexpected exceptions. Thread-safe. Reports are never swallowed, and never printed by a library
 * on its own: the stream comes from the command line (or the test).
 */
public final class Problems {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final PrintStream err;

  public Problems(PrintStream err) {
    this.err = err;
  }

  public void report(String message) {
    String line = "[" + TIME.format(LocalTime.now()) + "] server: " + message + "\n";
    synchronized (err) {
      err.append(line);
      err.flush();
    }
  }

  public void report(String message, Throwable t) {
    StringWriter trace = new StringWriter();
    t.printStackTrace(new PrintWriter(trace));
    report(message + "\n" + trace.toString().stripTrailing());
  }
}
