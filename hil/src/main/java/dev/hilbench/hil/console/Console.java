package dev.hilbench.hil.console;

import dev.hilbench.hil.link.LinkClosedException;
import dev.hilbench.hil.link.SerialLink;
import dev.hilbench.protocol.LineFramer;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The device's serial console: a reader thread that cuts what arrives into timestamped lines
 * (bounded, so noise without newlines cannot eat memory), keeps a transcript, and answers
 * expectations and commands.
 *
 * <ul>
 *   <li>{@link #expect} waits for a line matching a regex, after the last line it matched; a
 *       timeout reports the pattern, the last lines and the transcript path.
 *   <li>{@link #send} writes a command and waits for {@code OK <command>} or
 *       {@code ERR <command>: <reason>} among the lines that follow.
 *   <li>{@link #pause} stops the reader while someone else (the flasher) owns the link.
 * </ul>
 *
 * <p>A failure of the reader is never dropped: it ends the reader, is written to the transcript,
 * passed to the listener, and thrown (as the cause) by every later expect or send. The console
 * does not own the link: closing it leaves the link open.
 */
public final class Console implements Closeable {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(3);
  public static final int MAX_LINE = 1024;
  static final int KEPT_LINES = 10_000;
  private static final Duration READ_SLICE = Duration.ofMillis(100);
  private static final int LINES_IN_FAILURES = 15;

  /** Sees every line as it arrives, and the reader's failure; called on the reader thread. */
  public interface Listener {
    void line(ConsoleLine line);

    default void failed(Throwable cause) {}

    Listener NONE = line -> {};
  }

  /** The console paused; closing it resumes the reader. */
  public interface Paused extends AutoCloseable {
    @Override
    void close();
  }

  private final SerialLink link;
  private final Transcript transcript;
  private final Redactor redactor;
  private final Listener listener;
  private final LineLog log = new LineLog(KEPT_LINES);
  private final LineFramer framer = new LineFramer(MAX_LINE);
  private final Thread reader;
  private final Object state = new Object();
  private boolean pauseRequested;   // guarded by state
  private boolean paused;           // guarded by state
  private boolean stopping;         // guarded by state
  private boolean closed;           // guarded by state
  private long cursor;              // guarded by this: the next line expect looks at

  private Console(SerialLink link, Transcript transcript, Redactor redactor, Listener listener) {
    this.link = link;
    this.transcript = transcript;
    this.redactor = redactor;
    this.listener = listener;
    this.reader = new Thread(this::readLoop, "console-reader " + link.name());
    this.reader.setDaemon(true);
  }

  /** Starts reading {@code link}, with the transcript of this run in {@code transcriptFile}. */
  public static Console start(SerialLink link, Path transcriptFile, Redactor redactor, Listener listener)
      throws IOException {
    Transcript transcript = new Transcript(transcriptFile, redactor);
    transcript.note(Instant.now(), "console on " + link.name() + " at " + link.baudRate() + " baud");
    Console console = new Console(link, transcript, redactor, listener);
    console.reader.start();
    return console;
  }

  public static Console start(SerialLink link, Path transcriptFile) throws IOException {
    return start(link, transcriptFile, Redactor.standard(), Listener.NONE);
  }

  public Path transcript() {
    return transcript.file();
  }

  public SerialLink link() {
    return link;
  }

  // ---- expectations ----

  public ConsoleMatch expect(String regex) {
    return expect(Pattern.compile(regex), DEFAULT_TIMEOUT);
  }

  public ConsoleMatch expect(String regex, Duration timeout) {
    return expect(Pattern.compile(regex), timeout);
  }

  /**
   * The first line after the last one matched (or skipped) that matches {@code pattern}
   * (found anywhere in the line; anchor it with ^ and $ if needed).
   */
  public synchronized ConsoleMatch expect(Pattern pattern, Duration timeout) {
    ConsoleMatch m = awaitFrom(cursor, pattern, timeout, "expected /" + pattern + "/");
    cursor = m.line().number() + 1;
    return m;
  }

  /** Forgets what arrived so far: the next expect only sees lines that come after this call. */
  public synchronized void skipReceived() {
    cursor = log.nextNumber();
  }

  // ---- commands ----

  /** Writes a line to the device, without waiting for anything. */
  public void write(String line) throws IOException {
    link.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    transcript.sent(Instant.now(), line);
  }

  public String send(String command) throws IOException {
    return send(command, COMMAND_TIMEOUT);
  }

  /**
   * Sends a console command and waits for its reply among the lines that follow it:
   * {@code OK <command> ...} is returned, {@code ERR <command>: <reason>} thrown. Does not move
   * the expect position, so an expect after a send still sees every line.
   */
  public String send(String command, Duration timeout) throws IOException {
    String verb = command.strip().split("\\s+", 2)[0];
    if (verb.isEmpty()) {
      throw new IllegalArgumentException("empty command");
    }
    Pattern reply = Pattern.compile("^(OK|ERR) " + Pattern.quote(verb) + "\\b");
    long from = log.nextNumber();
    write(command);
    ConsoleMatch m = awaitFrom(from, reply, timeout, "expected the reply to '" + redactor.redact(command) + "' ("
        + reply + ")");
    if (m.group(1).equals("ERR")) {
      throw new CommandFailedException(redactor.redact(command), m.text());
    }
    return m.text();
  }

  // ---- sharing the link ----

  /**
   * Stops the reader (it finishes its current read, at most ~100 ms) so that the caller can own
   * the link; a partial line received so far is kept as a line. Close the result to resume.
   */
  public Paused pause(String why) throws IOException {
    synchronized (state) {
      pauseRequested = true;
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      try {
        while (!paused && reader.isAlive() && System.nanoTime() < deadline) {
          TimeUnit.NANOSECONDS.timedWait(state, Math.min(deadline - System.nanoTime(), 100_000_000L));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while pausing the console", e);
      }
      if (!paused && reader.isAlive()) {
        throw new IOException("the console reader did not pause within 5 s");
      }
    }
    transcript.note(Instant.now(), "paused: " + why);
    return () -> {
      synchronized (state) {
        pauseRequested = false;
        state.notifyAll();
      }
      try {
        transcript.note(Instant.now(), "resumed");
      } catch (IOException e) {
        log.fail(e);
      }
    };
  }

  // ---- what was seen ----

  public List<ConsoleLine> lines() {
    return log.snapshot();
  }

  public List<ConsoleLine> lastLines(int count) {
    return log.last(count);
  }

  /** The reader's failure, or null while it runs (or after a clean close). */
  public Throwable failure() {
    return log.failure();
  }

  /** Stops the reader and closes the transcript; the link stays open. Closing twice is harmless. */
  @Override
  public void close() throws IOException {
    synchronized (state) {
      if (closed) {
        return;
      }
      closed = true;
      stopping = true;
      state.notifyAll();
    }
    try {
      reader.join(Duration.ofSeconds(2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    log.close();
    transcript.note(Instant.now(), "console closed");
    transcript.close();
  }

  // ---- internals ----

  private ConsoleMatch awaitFrom(long from, Pattern pattern, Duration timeout, String what) {
    ConsoleMatch m;
    try {
      m = log.await(pattern, from, System.nanoTime() + timeout.toNanos());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConsoleException("interrupted: " + what, e);
    }
    if (m == null) {
      throw new ExpectTimeoutException(timeoutMessage(what, timeout));
    }
    return m;
  }

  private String timeoutMessage(String what, Duration timeout) {
    StringBuilder s = new StringBuilder(what).append(" on ").append(link.name()).append(" within ")
        .append(timeout.toMillis() / 1000.0).append(" s; not seen.\nLast lines received:");
    List<ConsoleLine> last = log.last(LINES_IN_FAILURES);
    if (last.isEmpty()) {
      s.append("\n  (none: nothing was received)");
    }
    for (ConsoleLine line : last) {
      s.append("\n  ").append(line.display());
    }
    return s.append("\nTranscript: ").append(transcript.file().toAbsolutePath()).toString();
  }

  private final LineFramer.Sink sink = new LineFramer.Sink() {
    @Override
    public void line(byte[] buf, int off, int len) {
      accept(LineText.decode(buf, off, len));
    }

    @Override
    public void oversize(byte[] head, int off, int len) {
      accept(LineText.decode(head, off, len) + " [line longer than " + MAX_LINE + " bytes, cut]");
    }

    @Override
    public void truncated(byte[] buf, int off, int len) {
      accept(LineText.decode(buf, off, len));
    }
  };

  private void accept(String text) {
    ConsoleLine line = log.add(Instant.now(), redactor.redact(text));
    try {
      transcript.received(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    listener.line(line);
  }

  private void readLoop() {
    byte[] buf = new byte[4096];
    try {
      while (true) {
        synchronized (state) {
          if (pauseRequested && !stopping) {
            framer.endOfStream(sink);   // what came before the pause is a line of its own
            paused = true;
            state.notifyAll();
            while (pauseRequested && !stopping) {
              state.wait();
            }
            paused = false;
          }
          if (stopping) {
            framer.endOfStream(sink);
            return;
          }
        }
        int n = link.read(buf, 0, buf.length, READ_SLICE);
        if (n > 0) {
          framer.feed(buf, 0, n, sink);
        }
      }
    } catch (LinkClosedException e) {
      synchronized (state) {
        if (stopping) {
          return;
        }
      }
      fail(e);
    } catch (UncheckedIOException e) {
      fail(e.getCause());
    } catch (Throwable t) {
      fail(t);
    }
  }

  private void fail(Throwable cause) {
    log.fail(cause);
    try {
      transcript.note(Instant.now(), "reader stopped: " + cause);
    } catch (IOException e) {
      cause.addSuppressed(e);
    }
    listener.failed(cause);
  }
}
