package dev.hilbench.hil.link;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * A link a test feeds by hand: {@link #deliver} makes bytes arrive in exactly the chunks given
 * (one read each), {@link #written} shows what the host wrote, {@link #breakWith} makes the next
 * read fail as a vanished port does.
 */
public final class PipeLink implements SerialLink {

  private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
  private final ByteArrayOutputStream written = new ByteArrayOutputStream();
  private IOException broken;
  private boolean closed;
  private int reads;

  public synchronized void deliver(String text) {
    deliver(text.getBytes(StandardCharsets.UTF_8));
  }

  public synchronized void deliver(byte[] chunk) {
    chunks.add(chunk.clone());
    notifyAll();
  }

  public synchronized void breakWith(IOException failure) {
    broken = failure;
    notifyAll();
  }

  public synchronized String written() {
    return written.toString(StandardCharsets.UTF_8);
  }

  /** How many reads returned data: each delivered chunk is one read. */
  public synchronized int dataReads() {
    return reads;
  }

  @Override
  public String name() {
    return "pipe";
  }

  @Override
  public synchronized int read(byte[] buf, int off, int len, Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (chunks.isEmpty() && broken == null && !closed) {
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        return 0;
      }
      try {
        TimeUnit.NANOSECONDS.timedWait(this, remaining);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 0;
      }
    }
    if (closed) {
      throw new LinkClosedException("pipe was closed");
    }
    if (broken != null) {
      throw broken;
    }
    byte[] chunk = chunks.poll();
    if (chunk.length > len) {
      chunks.addFirst(java.util.Arrays.copyOfRange(chunk, len, chunk.length));
    }
    int n = Math.min(len, chunk.length);
    System.arraycopy(chunk, 0, buf, off, n);
    reads++;
    return n;
  }

  @Override
  public synchronized void write(byte[] buf, int off, int len) {
    written.write(buf, off, len);
  }

  @Override
  public void setDtr(boolean asserted) throws LinesUnavailableException {
    throw new LinesUnavailableException("pipe");
  }

  @Override
  public void setRts(boolean asserted) throws LinesUnavailableException {
    throw new LinesUnavailableException("pipe");
  }

  @Override
  public void setDtrRts(boolean dtr, boolean rts) throws LinesUnavailableException {
    throw new LinesUnavailableException("pipe");
  }

  @Override
  public void setBaudRate(int baud) {}

  @Override
  public int baudRate() {
    return 115200;
  }

  @Override
  public synchronized void discardInput() {
    chunks.clear();
  }

  @Override
  public void drainOutput() {}

  @Override
  public synchronized void close() {
    closed = true;
    notifyAll();
  }
}
