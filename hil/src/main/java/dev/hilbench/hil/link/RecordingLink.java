package dev.hilbench.hil.link;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Wraps a link and records everything that passes (bytes both ways, line changes, baud,
 * discards) with its time, for a trace file ({@code --trace}) or a test that checks a sequence.
 */
public final class RecordingLink implements SerialLink {

  private final SerialLink inner;
  private final long start = System.nanoTime();
  private final List<LinkEvent> events = new ArrayList<>();

  public RecordingLink(SerialLink inner) {
    this.inner = inner;
  }

  /** A copy of what was recorded so far. */
  public synchronized List<LinkEvent> events() {
    return List.copyOf(events);
  }

  private synchronized void record(LinkEvent e) {
    events.add(e);
  }

  private long now() {
    return System.nanoTime() - start;
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public int read(byte[] buf, int off, int len, Duration timeout) throws IOException {
    int n = inner.read(buf, off, len, timeout);
    if (n > 0) {
      record(new LinkEvent.Read(Arrays.copyOfRange(buf, off, off + n), now()));
    }
    return n;
  }

  @Override
  public void write(byte[] buf, int off, int len) throws IOException {
    record(new LinkEvent.Wrote(Arrays.copyOfRange(buf, off, off + len), now()));
    inner.write(buf, off, len);
  }

  @Override
  public void setDtr(boolean asserted) throws IOException {
    inner.setDtr(asserted);
    record(new LinkEvent.Lines(asserted, null, now()));
  }

  @Override
  public void setRts(boolean asserted) throws IOException {
    inner.setRts(asserted);
    record(new LinkEvent.Lines(null, asserted, now()));
  }

  @Override
  public void setDtrRts(boolean dtr, boolean rts) throws IOException {
    inner.setDtrRts(dtr, rts);
    record(new LinkEvent.Lines(dtr, rts, now()));
  }

  @Override
  public void setBaudRate(int baud) throws IOException {
    inner.setBaudRate(baud);
    record(new LinkEvent.Baud(baud, now()));
  }

  @Override
  public int baudRate() {
    return inner.baudRate();
  }

  @Override
  public void discardInput() throws IOException {
    inner.discardInput();
    record(new LinkEvent.Discard(now()));
  }

  @Override
  public void drainOutput() throws IOException {
    inner.drainOutput();
  }

  @Override
  public void close() throws IOException {
    inner.close();
  }
}
