package dev.hilbench.simulator.proxy;

/**
 * {@code timeout} (timeout ms), as Toxiproxy's: a black hole. Nothing gets through, not even
 * the sender's FIN; after {@code timeout} ms the link is closed, and with 0 it stays open and
 * silent for ever: half-open, as when a node loses Wi-Fi. Removing the toxic lets new bytes and
 * a FIN through again (what it swallowed is gone).
 *
 * <p>The clock starts when the toxic meets the link: at connect, or when added to an open link.
 */
final class TimeoutToxic implements Toxic {

  private final long timeoutNanos;
  private long deadline;
  private boolean started;

  TimeoutToxic(long timeoutMillis) {
    this.timeoutNanos = timeoutMillis * 1_000_000L;
  }

  @Override
  public void pipe(Stub stub) {
    if (!started) {
      started = true;
      deadline = timeoutNanos == 0 ? Stub.NEVER : System.nanoTime() + timeoutNanos;
    }
    while (stub.poll(deadline) != null) {
      // Dropped: nothing gets through.
    }
    if (stub.stopping()) {
      return;
    }
    End end = stub.inputEnd();
    if (end == End.CLOSE || end == End.RESET) {
      return; // The proxy's own close or reset is not a packet: it passes.
    }
    // The deadline passed, or the sender's FIN was swallowed and the deadline is still ahead.
    if (end == null || stub.sleepUntil(deadline)) {
      stub.close();
    }
  }
}
