package dev.hilbench.simulator.proxy;

/**
 * {@code reset_peer} (timeout ms): the link passes bytes for {@code timeout} ms, then both peers
 * get a TCP reset ("connection reset by peer"), as when a server or a NAT box drops the
 * connection. Toxiproxy starts the clock at the first bytes and forwards nothing meanwhile; here
 * the clock starts when the toxic meets the link (connect, or when added to an open link) and
 * traffic flows until then, which is what a "reset after" test wants.
 */
final class ResetPeerToxic implements Toxic {

  private final long timeoutNanos;
  private long deadline;
  private boolean started;

  ResetPeerToxic(long timeoutMillis) {
    this.timeoutNanos = timeoutMillis * 1_000_000L;
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
    }
    stub.reset();
  }
}
