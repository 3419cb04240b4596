package dev.hilbench.simulator.proxy;

/**
 * {@code reset_peer} (timeout ms, mid_line): the link passes bytes for {@code timeout} ms, then
 * both peers get a TCP reset ("connection reset by peer"), as when a server or a NAT box drops
 * the connection. With {@code mid_line}, the toxic then waits for the next chunk and passes only
 * its first half before the reset, so the receiver is left with a truncated line (a node writes
 * a line per chunk), as the simulator's {@code reset_peer} does.
 *
 * <p>Toxiproxy starts the clock at the first bytes and forwards nothing meanwhile; here the clock
 * starts when the toxic meets the link (connect, or when added to an open link) and traffic flows
 * until then, which is what a "reset after" test wants.
 */
final class ResetPeerToxic implements Toxic {

  private final long timeoutNanos;
  private final boolean midLine;
  private long deadline;
  private boolean started;

  ResetPeerToxic(long timeoutMillis, boolean midLine) {
    this.timeoutNanos = timeoutMillis * 1_000_000L;
    this.midLine = midLine;
  }

  @Override
  public void pipe(Stub stub) {
    if (!started) {
      started = true;
      deadline = System.nanoTime() + timeoutNanos;
    }
    for (Chunk c; (c = stub.poll(deadline)) != null; ) {
      stub.write(c);
    }
    if (stub.stopping()) {
      return;
    }
    End end = stub.inputEnd();
    if (end == End.CLOSE || end == End.RESET) {
      return; // The link ends anyway.
    }
    if (end == End.FIN) {
      // The sender closed its side: the FIN goes on, the timer keeps running for the link.
      stub.passEnd();
      if (!stub.sleepUntil(deadline)) {
        return;
      }
      stub.reset();
      return;
    }
    if (!midLine) {
      stub.reset();
      return;
    }
    Chunk next = stub.take();
    if (next == null) {
      if (!stub.stopping() && stub.inputEnd() == End.FIN) {
        stub.passEnd(); // closed before another line came: nothing to cut, the reset follows the FIN
        stub.reset();
      }
      return; // rebuilt (the next chain waits for the line again), or the link ends anyway
    }
    stub.write(next.slice(0, Math.max(1, next.length() / 2)));
    stub.resetAfterWritten();
  }
}
