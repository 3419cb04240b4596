package dev.hilbench.server.store;

import java.time.Instant;

/**
 * Where connection threads hand what they parsed: a bounded queue in front of the database (or
 * nothing, when storage is off). Connection threads fill a batch, {@link #submit} it, and stop
 * reading while {@link #saturated()}: TCP flow control then pushes back on the nodes instead of
 * memory growing without bound.
 */
public interface StorePipeline extends AutoCloseable {

  /** An empty batch to fill (recycled when possible). */
  StoreBatch emptyBatch();

  /** Hands a batch over. Never blocks; the caller must check {@link #saturated()} before reading more. */
  void submit(StoreBatch batch);

  /** Whether connection threads should stop reading until told to resume. */
  boolean saturated();

  /** Called (from the store's thread) when a saturated pipeline has room again. Set once, before use. */
  void onResume(Runnable listener);

  /** A new stream id, unique in the store. Any thread. */
  long nextStreamId();

  /** Readings committed so far. */
  long stored();

  /** When the latest commit that stored readings ended; null before the first (and without a database). */
  Instant lastStoredAt();

  /** Weight (readings, acks, events) submitted and not yet committed. */
  int queued();

  /** Whether readings really go to a database. */
  boolean durable();

  /**
   * Waits until everything submitted before this call is committed and acknowledged, or until
   * {@code timeoutMillis} passed. Returns whether it was.
   */
  boolean flush(long timeoutMillis) throws InterruptedException;

  /** Commits what is left, stops and releases the database. */
  @Override
  void close();
}
