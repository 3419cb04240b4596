package dev.hilbench.server.forward;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The forwarder's counters: written by its thread, read by the admin thread at any time.
 *
 * <p>The lag is kept live between two looks at the store: {@code max(rowid)} at the last look, plus
 * the readings the server committed since (it counts them anyway), minus the cursor. So
 * {@code /status} never says 0 while something waits, even between polls.
 */
final class ForwardCounters {

  /** The store as last seen: its highest rowid, and the server's commit count read just before. */
  private record Look(long maxRowid, long committed) {}

  private record Problem(String message, Instant at) {}

  private final AtomicLong forwarded = new AtomicLong();
  private final AtomicLong batches = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private volatile ForwardState state = ForwardState.FORWARDING;
  private volatile long cursor;
  private volatile Look look = new Look(0, 0);
  private volatile Problem lastError;
  private volatile Instant lastDeliveryAt;

  void cursor(long rowid) {
    cursor = rowid;
  }

  long cursor() {
    return cursor;
  }

  void looked(long maxRowid, long committedBefore) {
    look = new Look(maxRowid, committedBefore);
  }

  void delivered(int readings, long newCursor) {
    cursor = newCursor;
    forwarded.addAndGet(readings);
    batches.incrementAndGet();
    lastDeliveryAt = now();
    state = ForwardState.FORWARDING;
  }

  void retrying(String reason) {
    retries.incrementAndGet();
    error(reason);
    state = ForwardState.RETRYING;
  }

  /** A failure that is not a retried request (reading the store, saving the cursor). */
  void error(String reason) {
    lastError = new Problem(reason, now());
  }

  void ended(ForwardState finalState, String reason) {
    error(reason);
    state = finalState;
  }

  ForwardState state() {
    return state;
  }

  /** Milliseconds, like every other time the server shows. */
  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }

  ForwardStatus snapshot(String url, long committedNow, long seed) {
    Look l = look;
    long c = cursor;
    long lag = Math.max(0, l.maxRowid + Math.max(0, committedNow - l.committed) - c);
    Problem p = lastError;
    return new ForwardStatus(url, state, forwarded.get(), batches.get(), retries.get(), lag, c,
        p == null ? null : p.message, p == null ? null : p.at, lastDeliveryAt, seed);
  }
}
