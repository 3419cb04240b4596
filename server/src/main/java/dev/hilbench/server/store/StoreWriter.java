package dev.hilbench.server.store;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The one thread that writes to the {@link ReadingStore}, fed through a bounded queue.
 *
 * <p>It takes whatever batches are queued (up to {@code capacity / 2} of weight) and commits them
 * in one transaction, so it runs at the database's own pace: large transactions when connection
 * threads produce fast; when they trickle, it waits a moment (group commit) rather than commit
 * one reading at a time. Only after the commit does it
 * acknowledge, and only then does the weight leave the queue.
 *
 * <p>Back-pressure: when the weight submitted and not yet committed reaches {@code capacity}, the
 * pipeline is saturated and connection threads stop reading; when the writer has brought it down
 * to half, it calls the resume listener. So memory is bounded, and a slow database slows the
 * nodes (through TCP flow control) instead of losing readings.
 *
 * <p>A failed commit (database locked by another process, disk full) is reported, rolled back and
 * retried with the same readings, never dropped; reading stays paused meanwhile. At
 * {@link #close()} the writer gives up after {@code giveUpAfterMillis} of failures and says how
 * many readings it could not store.
 */
public final class StoreWriter implements StorePipeline {

  public static final int DEFAULT_CAPACITY = 65_536;
  private static final int POOLED_BATCHES = 64;
  private static final long REPORT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(30);
  /**
   * Group commit: with fewer than this many readings queued, the writer waits up to
   * {@link #GROUP_WINDOW_NANOS} for more before it commits. Thousands of nodes writing one line
   * each would otherwise make one tiny transaction per select round, and a commit costs the same
   * fixed work however few rows it holds. The window adds at most 2 ms to an acknowledgement.
   */
  private static final int GROUP_MIN_WEIGHT = 4096;
  private static final long GROUP_WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

  private final ReadingStore store;
  private final Consumer<String> problems;
  private final int capacity;
  private final int resumeAt;
  private final long giveUpAfterMillis;
  private final AtomicLong streamIds;
  private final ConcurrentLinkedQueue<StoreBatch> pool = new ConcurrentLinkedQueue<>();
  private final Thread thread;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition work = lock.newCondition();
  private final Condition progress = lock.newCondition();
  private final ArrayDeque<StoreBatch> queue = new ArrayDeque<>();
  private int queuedWeight;         // submitted and not committed, the transaction in flight included
  private int waitingWeight;        // submitted and not yet taken into a transaction
  private boolean grouping;         // the writer is waiting for a bigger transaction
  private long submittedBatches;
  private long finishedBatches;     // committed, or abandoned at close
  private boolean closing;
  private long closingSince;
  private volatile boolean saturated;
  private volatile long stored;
  private volatile Instant lastStoredAt;
  private volatile Runnable resumeListener = () -> { };

  /**
   * @param problems receives one line per problem (a failed commit, a recovery); called from the
   *                 writer thread
   */
  public StoreWriter(ReadingStore store, int capacity, long giveUpAfterMillis, Consumer<String> problems)
      throws IOException {
    if (capacity < 2) {
      throw new IllegalArgumentException("capacity must be at least 2, got " + capacity);
    }
    this.store = store;
    this.capacity = capacity;
    this.resumeAt = capacity / 2;
    this.giveUpAfterMillis = giveUpAfterMillis;
    this.problems = problems;
    this.streamIds = new AtomicLong(store.maxStreamId());
    this.thread = new Thread(this::run, "hilbench-store-writer");
    this.thread.start();
  }

  @Override
  public StoreBatch emptyBatch() {
    StoreBatch b = pool.poll();
    return b != null ? b : new StoreBatch();
  }

  @Override
  public void submit(StoreBatch batch) {
    lock.lock();
    try {
      queue.add(batch);
      queuedWeight += batch.weight();
      waitingWeight += batch.weight();
      submittedBatches++;
      if (queuedWeight >= capacity) {
        saturated = true;
      }
      if (!grouping || waitingWeight >= GROUP_MIN_WEIGHT) {
        work.signal(); // a grouping writer is woken only once its transaction is worth it
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean saturated() {
    return saturated;
  }

  @Override
  public void onResume(Runnable listener) {
    resumeListener = listener;
  }

  @Override
  public long nextStreamId() {
    return streamIds.incrementAndGet();
  }

  @Override
  public long stored() {
    return stored;
  }

  @Override
  public Instant lastStoredAt() {
    return lastStoredAt;
  }

  @Override
  public int queued() {
    lock.lock();
    try {
      return queuedWeight;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean durable() {
    return true;
  }

  @Override
  public boolean flush(long timeoutMillis) throws InterruptedException {
    lock.lock();
    try {
      long target = submittedBatches;
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
      while (finishedBatches < target && thread.isAlive()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        progress.awaitNanos(left);
      }
      return finishedBatches >= target;
    } finally {
      lock.unlock();
    }
  }

  /** Commits everything queued (or gives up after {@code giveUpAfterMillis} of failures), then closes the database. */
  @Override
  public void close() {
    lock.lock();
    try {
      if (!closing) {
        closing = true;
        closingSince = System.nanoTime();
      }
      work.signalAll();
    } finally {
      lock.unlock();
    }
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true; // finish closing first: the database must not be left half written
      }
    }
    store.close();
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    List<StoreBatch> transaction = new ArrayList<>();
    try {
      while (take(transaction)) {
        boolean committed = commit(transaction);
        finish(transaction, committed);
        transaction.clear();
      }
    } catch (InterruptedException e) {
      problems.accept("store writer interrupted; " + queued() + " queued readings were not stored");
      Thread.currentThread().interrupt();
    } catch (RuntimeException | Error e) {
      problems.accept("store writer stopped by " + e + "; readings are no longer stored");
      throw e;
    }
  }

  /** Waits for work and takes up to half the capacity of it. False when closing and nothing is left. */
  private boolean take(List<StoreBatch> transaction) throws InterruptedException {
    lock.lock();
    try {
      while (queue.isEmpty() && !closing) {
        work.await();
      }
      long deadline = System.nanoTime() + GROUP_WINDOW_NANOS;
      while (!closing && !saturated && waitingWeight < GROUP_MIN_WEIGHT) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        grouping = true;
        try {
          work.awaitNanos(left);
        } finally {
          grouping = false;
        }
      }
      int weight = 0;
      while (!queue.isEmpty() && (weight == 0 || weight < resumeAt)) {
        StoreBatch b = queue.poll();
        weight += b.weight();
        waitingWeight -= b.weight();
        transaction.add(b);
      }
      return !transaction.isEmpty();
    } finally {
      lock.unlock();
    }
  }

  /** Commits, retrying until it works; false only if it gave up while closing. */
  private boolean commit(List<StoreBatch> transaction) throws InterruptedException {
    long failingSince = 0, lastReport = 0;
    int failures = 0;
    while (true) {
      try {
        store.write(transaction);
        if (failures > 0) {
          problems.accept("store: committed after " + failures + " failed attempts; reading resumes");
        }
        return true;
      } catch (SQLException | RuntimeException e) {
        long now = System.nanoTime();
        if (failures++ == 0) {
          failingSince = now;
        }
        if (failures == 1 || now - lastReport > REPORT_EVERY_NANOS) {
          lastReport = now;
          problems.accept("store: cannot commit " + readings(transaction) + " readings to " + store.file() + ": "
              + e.getMessage() + "; they stay queued and reading pauses until this clears (retrying)");
        }
        if (givingUp(now)) {
          problems.accept("store: giving up at shutdown; " + readings(transaction)
              + " readings were not stored (their nodes were not acknowledged)");
          return false;
        }
        pause(isBusy(e) ? 20 : 500);
      }
    }
  }

  private boolean givingUp(long now) {
    lock.lock();
    try {
      return closing && now - closingSince > TimeUnit.MILLISECONDS.toNanos(giveUpAfterMillis);
    } finally {
      lock.unlock();
    }
  }

  private void pause(long millis) throws InterruptedException {
    lock.lock();
    try {
      work.await(millis, TimeUnit.MILLISECONDS); // a close() wakes it early
    } finally {
      lock.unlock();
    }
  }

  private void finish(List<StoreBatch> transaction, boolean committed) {
    int weight = 0;
    long rows = 0;
    for (StoreBatch b : transaction) {
      weight += b.weight();
      rows += b.readings();
    }
    if (committed) {
      if (rows > 0) {
        lastStoredAt = Instant.now();
      }
      stored += rows; // before the acks: whoever holds an ack must see it counted
      for (StoreBatch b : transaction) {
        b.deliverAcks();
      }
    }
    boolean resume;
    lock.lock();
    try {
      queuedWeight -= weight;
      finishedBatches += transaction.size();
      resume = saturated && queuedWeight <= resumeAt;
      if (resume) {
        saturated = false;
      }
      progress.signalAll();
    } finally {
      lock.unlock();
    }
    if (resume) {
      resumeListener.run();
    }
    for (StoreBatch b : transaction) {
      b.clear();
      if (pool.size() < POOLED_BATCHES) {
        pool.offer(b);
      }
    }
  }

  private static long readings(List<StoreBatch> transaction) {
    long n = 0;
    for (StoreBatch b : transaction) {
      n += b.readings();
    }
    return n;
  }

  private static boolean isBusy(Exception e) {
    String m = String.valueOf(e.getMessage());
    return m.contains("SQLITE_BUSY") || m.contains("SQLITE_LOCKED") || m.contains("database is locked");
  }
}
