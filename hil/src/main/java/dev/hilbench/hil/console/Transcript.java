package dev.hilbench.hil.console;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * The record of one console run, a line per event, flushed as it goes (a crash leaves it whole):
 *
 * <pre>
 * 2025-11-27T09:41:07.250Z &lt; HB boot device=n1 fw=1.0 boot=3fa2
 * 2025-11-27T09:41:07.400Z &gt; wifi pass ***
 * 2025-11-27T09:41:08.000Z # paused: flashing
 * </pre>
 *
 * Sent and received text both pass through the redactor.
 */
public final class Transcript implements Closeable {

  private final Path file;
  private final Redactor redactor;
  private final BufferedWriter out;

  public Transcript(Path file, Redactor redactor) throws IOException {
    this.file = file;
    this.redactor = redactor;
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
  }

  public Path file() {
    return file;
  }

  public void received(ConsoleLine line) throws IOException {
    write(line.at(), '<', line.text());
  }

  public void sent(Instant at, String text) throws IOException {
    write(at, '>', text);
  }

  public void note(Instant at, String text) throws IOException {
    write(at, '#', text);
  }

  private synchronized void write(Instant at, char direction, String text) throws IOException {
    out.write(DateTimeFormatter.ISO_INSTANT.format(at));
    out.write(' ');
    out.write(direction);
    out.write(' ');
    out.write(redactor.redact(text));
    out.newLine();
    out.flush();
  }

  @Override
  public synchronized void close() throws IOException {
    out.close();
  }
}
