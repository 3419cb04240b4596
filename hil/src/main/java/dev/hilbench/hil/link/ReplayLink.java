package dev.hilbench.hil.link;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A board played back from a script (a recorded trace or the byte vectors of the reference): the
 * host's writes and line changes must match the script in order, and each matched write releases
 * the bytes the script says the board sent next. Anything unexpected fails at once with what was
 * expected, so a test of the flasher checks every byte it puts on the wire.
 *
 * <p>A read with nothing released waits its whole timeout, as a silent wire does. Baud and
 * discard events in a script are ignored (they are not on the wire); discarding input drops the
 * bytes released and not yet read.
 */
public final class ReplayLink implements SerialLink {

  private final String name;
  private final List<LinkEvent> script;
  private final boolean hasLines;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition released = lock.newCondition();
  private final ArrayDeque<Byte> input = new ArrayDeque<>();
  private int next;            // the next script event not yet consumed
  private int matched;         // bytes of script[next] (a Wrote) matched so far
  private int baud = 115200;
  private boolean closed;
  private IllegalStateException mismatch;

  private ReplayLink(String name, List<LinkEvent> script, boolean hasLines) {
    this.name = name;
    this.script = List.copyOf(script);
    this.hasLines = hasLines;
    lock.lock();
    try {
      releaseReads();   // what the board says before the host writes anything (a boot message)
    } finally {
      lock.unlock();
    }
  }

  /** A board with modem lines: the script's {@code lines} events are checked. */
  public static ReplayLink of(String name, List<LinkEvent> script) {
    return new ReplayLink(name, script, true);
  }

  /** A board behind a pseudo-terminal: every line change fails as it does on a pty. */
  public static ReplayLink withoutLines(String name, List<LinkEvent> script) {
    return new ReplayLink(name, script, false);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int read(byte[] buf, int off, int len, Duration timeout) throws LinkClosedException {
    lock.lock();
    try {
      long remaining = timeout.toNanos();
      while (input.isEmpty() && !closed && remaining > 0) {
        remaining = released.awaitNanos(remaining);
      }
      if (closed) {
        throw new LinkClosedException(name + " is closed");
      }
      int n = 0;
      while (n < len && !input.isEmpty()) {
        buf[off + n++] = input.poll();
      }
      return n;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void write(byte[] buf, int off, int len) {
    lock.lock();
    try {
      failIfMismatched();
      for (int i = off; i < off + len; i++) {
        skipOffWire();
        if (next >= script.size() || !(script.get(next) instanceof LinkEvent.Wrote expected)) {
          throw mismatch("the host wrote " + LinkEvent.hex(java.util.Arrays.copyOfRange(buf, i, off + len))
              + " but the script expects " + describeNext());
        }
        byte want = expected.bytes()[matched];
        if (buf[i] != want) {
          throw mismatch(String.format("write differs at byte %d of %s: expected 0x%02x, got 0x%02x",
              matched, expected, want & 0xFF, buf[i] & 0xFF));
        }
        if (++matched == expected.bytes().length) {
          next++;
          matched = 0;
          releaseReads();
        }
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void setDtr(boolean asserted) throws LinesUnavailableException {
    lines(new LinkEvent.Lines(asserted, null, 0));
  }

  @Override
  public void setRts(boolean asserted) throws LinesUnavailableException {
    lines(new LinkEvent.Lines(null, asserted, 0));
  }

  @Override
  public void setDtrRts(boolean dtr, boolean rts) throws LinesUnavailableException {
    lines(new LinkEvent.Lines(dtr, rts, 0));
  }

  private void lines(LinkEvent.Lines change) throws LinesUnavailableException {
    if (!hasLines) {
      throw new LinesUnavailableException(name);
    }
    lock.lock();
    try {
      failIfMismatched();
      skipOffWire();
      if (matched != 0 || next >= script.size() || !script.get(next).equals(change)) {
        throw mismatch("the host set " + change + " but the script expects " + describeNext());
      }
      next++;
      releaseReads();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void setBaudRate(int baud) {
    this.baud = baud;
  }

  @Override
  public int baudRate() {
    return baud;
  }

  @Override
  public void discardInput() {
    lock.lock();
    try {
      input.clear();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void drainOutput() {}

  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      released.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Fails unless the whole script was played and nothing went wrong on the way. */
  public void assertFinished() {
    lock.lock();
    try {
      failIfMismatched();
      skipOffWire();
      if (next < script.size()) {
        throw new IllegalStateException("replay of " + name + " stopped early: event " + (next + 1)
            + " of " + script.size() + " not reached: " + describeNext());
      }
    } finally {
      lock.unlock();
    }
  }

  /** True once every scripted write and line change has happened. */
  public boolean finished() {
    lock.lock();
    try {
      skipOffWire();
      return mismatch == null && next >= script.size();
    } finally {
      lock.unlock();
    }
  }

  private void releaseReads() {
    skipOffWire();
    while (next < script.size() && script.get(next) instanceof LinkEvent.Read r) {
      for (byte b : r.bytes()) {
        input.add(b);
      }
      next++;
      skipOffWire();
    }
    released.signalAll();
  }

  private void skipOffWire() {
    while (matched == 0 && next < script.size()
        && (script.get(next) instanceof LinkEvent.Baud || script.get(next) instanceof LinkEvent.Discard)) {
      next++;
    }
  }

  private String describeNext() {
    if (next >= script.size()) {
      return "nothing more (end of script)";
    }
    return "event " + (next + 1) + ": " + script.get(next) + (matched > 0 ? " (" + matched + " bytes matched)" : "");
  }

  private IllegalStateException mismatch(String what) {
    mismatch = new IllegalStateException("replay of " + name + ": " + what);
    return mismatch;
  }

  private void failIfMismatched() {
    if (mismatch != null) {
      throw new IllegalStateException(mismatch.getMessage(), mismatch);
    }
  }
}
