package dev.hilbench.server.store;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Storage off ({@code --store none}): a batch is acknowledged as soon as it is handed over, on the
 * thread that hands it over, and dropped. Nothing survives a restart, so neither does duplicate
 * detection. Never saturated.
 */
public final class NoStore implements StorePipeline {

  private final AtomicLong streamIds = new AtomicLong();
  private final ThreadLocal<StoreBatch> spare = ThreadLocal.withInitial(StoreBatch::new);

  @Override
  public StoreBatch emptyBatch() {
    StoreBatch b = spare.get();
    spare.set(null);
    return b != null ? b : new StoreBatch();
  }

  @Override
  public void submit(StoreBatch batch) {
    batch.deliverAcks();
    batch.clear();
    spare.set(batch);
  }

  @Override
  public boolean saturated() {
    return false;
  }

  @Override
  public void onResume(Runnable listener) {
    // never saturated, never resumes
  }

  @Override
  public long nextStreamId() {
    return streamIds.incrementAndGet();
  }

  @Override
  public long stored() {
    return 0;
  }

  @Override
  public Instant lastStoredAt() {
    return null;
  }

  @Override
  public int queued() {
    return 0;
  }

  @Override
  public boolean durable() {
    return false;
  }

  @Override
  public boolean flush(long timeoutMillis) {
    return true;
  }

  @Override
  public void close() {
    // nothing held
  }
}
