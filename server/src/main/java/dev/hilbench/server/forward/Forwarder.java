package dev.hilbench.server.forward;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Forwards committed readings to an HTTP endpoint, from its own thread ({@code hilbench-forwarder}),
 * so that nothing on the receiving path waits for the network.
 *
 * <p>The loop: read up to a batch of readings after the cursor from the store; POST them; on a 2xx
 * move the cursor past them and save it in the store; when a batch comes back short, everything
 * committed is sent, so wait for the interval and look again. A failure that may pass (network,
 * timeout, 5xx, 429) sends the same batch again after a backoff with full jitter, or after the
 * endpoint's {@code Retry-After}; any other answer (a 4xx) is reported once and ends forwarding
 * until the server restarts, while the receiver goes on storing.
 *
 * <p>Delivery is at-least-once: the cursor is saved after the acknowledgement, so a batch in flight
 * when the server stops or crashes is sent again after the restart. Receivers de-duplicate by
 * (device, boot, seq).
 */
public final class Forwarder implements AutoCloseable {

  private static final long REPORT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(30);
  private static final Duration STOP_WAIT = Duration.ofSeconds(10);

  private final ForwardConfig config;
  private final String key;
  private final String shownUrl;
  private final LongSupplier committed;
  private final Consumer<String> problems;
  private final Connection db;
  private final CommittedReadings source;
  private final CursorTable cursors;
  private final BatchPoster poster;
  private final Backoff backoff;
  private final ForwardCounters counters = new ForwardCounters();
  private final CountDownLatch stopping = new CountDownLatch(1);
  private final Thread thread;
  private boolean cursorUnsaved;
  private long failingSince;
  private long lastReport;

  private Forwarder(ForwardConfig config, Connection db, LongSupplier committed, Consumer<String> problems)
      throws SQLException {
    this.config = config;
    this.key = config.url().toString();
    this.shownUrl = config.displayUrl();
    this.committed = committed;
    this.problems = problems;
    this.db = db;
    this.cursors = new CursorTable(db);
    this.source = new CommittedReadings(db);
    this.counters.cursor(cursors.load(key));
    this.backoff = new Backoff(config.retryBase(), config.retryCap(), config.seed());
    this.poster = new BatchPoster(config);
    this.thread = new Thread(this::run, "hilbench-forwarder");
  }

  /**
   * Starts forwarding what {@code database} holds after the URL's cursor (everything, for a URL never
   * forwarded to).
   *
   * @param committed readings the server has committed since it started: keeps the lag live between polls
   * @param problems  receives one line per problem (a failed attempt, a rejection, a recovery); called
   *                  from the forwarder thread
   * @throws IOException if the store cannot be opened or its cursor read
   */
  public static Forwarder start(ForwardConfig config, Path database, LongSupplier committed,
      Consumer<String> problems) throws IOException {
    Connection db = null;
    try {
      db = StoreConnection.open(database);
      Forwarder f = new Forwarder(config, db, committed, problems);
      f.thread.start();
      return f;
    } catch (SQLException | RuntimeException e) {
      if (db != null) {
        try {
          db.close();
        } catch (SQLException closing) {
          e.addSuppressed(closing);
        }
      }
      throw new IOException("cannot forward from " + database + ": " + e.getMessage(), e);
    }
  }

  /** The counters now. */
  public ForwardStatus status() {
    return counters.snapshot(shownUrl, committed.getAsLong(), config.seed());
  }

  public ForwardConfig config() {
    return config;
  }

  private void run() {
    try {
      loop();
    } catch (InterruptedException e) {
      // close() interrupts a request in flight: its batch was not acknowledged and is sent after a restart.
    } catch (RuntimeException e) {
      // A bug: reported with its trace, and the receiver goes on; /status says "failed".
      report("forwarding to " + shownUrl + " stopped by an unexpected error; readings are still stored", e);
      counters.ended(ForwardState.FAILED, "forwarder stopped by " + e);
    } catch (Error e) {
      report("forwarding to " + shownUrl + " stopped by an unexpected error; readings are still stored", e);
      counters.ended(ForwardState.FAILED, "forwarder stopped by " + e);
      throw e;
    } finally {
      saveCursorIfUnsaved();
      closeStore();
    }
  }

  private void loop() throws InterruptedException {
    while (!isStopping()) {
      Batch batch = nextBatch();
      if (batch == null) {
        return;
      }
      if (batch.isEmpty()) {
        pause(config.interval());
        continue;
      }
      if (!deliver(batch)) {
        return;
      }
      saveCursor();
      if (batch.size() < config.batchSize()) {
        pause(config.interval()); // everything committed went out: let more arrive
      }
    }
  }

  /** The next batch after the cursor; null when stopping. A store that cannot be read is retried. */
  private Batch nextBatch() throws InterruptedException {
    int failures = 0;
    while (true) {
      try {
        long committedBefore = committed.getAsLong(); // before the look, so the lag errs high, never low
        Batch batch = source.after(counters.cursor(), config.batchSize());
        counters.looked(source.maxRowid(), committedBefore);
        return batch;
      } catch (SQLException e) {
        String reason = "cannot read the store: " + e.getMessage();
        counters.error(reason);
        failed(failures++, reason);
        if (!pause(backoff.delay(failures - 1))) {
          return null;
        }
      }
    }
  }

  /**
   * POSTs the batch until the endpoint acknowledges it (true), refuses it for good, or the server
   * stops (false).
   */
  private boolean deliver(Batch batch) throws InterruptedException {
    byte[] body = BatchJson.encode(batch.readings());
    int failures = 0;
    while (true) {
      Attempt attempt = poster.post(body);
      switch (attempt) {
        // Reported before the counters change, so that whoever sees the counters finds the report written.
        case Attempt.Delivered d -> {
          if (failures > 0) {
            report("forward: " + shownUrl + " took the batch after " + failures + " failed attempt"
                + (failures == 1 ? "" : "s") + " (HTTP " + d.status() + "); forwarding goes on");
          }
          counters.delivered(batch.size(), batch.lastRowid());
          cursorUnsaved = true;
          return true;
        }
        case Attempt.Rejected r -> {
          report("forward: " + shownUrl + " refused " + batch.size() + " readings: " + r.reason()
              + "; forwarding stopped (retrying cannot fix this). Readings are still stored; after a restart "
              + "forwarding resumes after reading " + counters.cursor() + " (rowid)");
          counters.ended(ForwardState.STOPPED, r.reason());
          return false;
        }
        case Attempt.Retry r -> {
          Duration wait = r.retryAfter().isPresent() ? r.retryAfter().get() : backoff.delay(failures);
          failed(failures++, "cannot deliver " + batch.size() + " readings to " + shownUrl + ": " + r.reason()
              + "; retrying" + (r.retryAfter().isPresent() ? " after " + BatchPoster.human(wait) + " (Retry-After)" : ""));
          counters.retrying(r.reason());
          if (!pause(wait)) {
            return false;
          }
        }
      }
    }
  }

  /** Reports the first failure of a run of them, then one every 30 s. */
  private void failed(int earlierFailures, String message) {
    long now = System.nanoTime();
    if (earlierFailures == 0) {
      failingSince = now;
    }
    if (earlierFailures == 0 || now - lastReport > REPORT_EVERY_NANOS) {
      lastReport = now;
      long seconds = TimeUnit.NANOSECONDS.toSeconds(now - failingSince);
      report("forward: " + message + (earlierFailures == 0 ? "" : " (failing for " + seconds + " s, "
          + (earlierFailures + 1) + " attempts)"));
    }
  }

  private void saveCursor() {
    try {
      cursors.save(key, counters.cursor());
      cursorUnsaved = false;
    } catch (SQLException e) {
      // Forwarding goes on from the cursor in memory; the next save writes it. Lost only if the
      // server stops before one works, and then those readings are sent again: at-least-once.
      String reason = "cannot save the cursor (" + counters.cursor() + ") in the store: " + e.getMessage();
      counters.error(reason);
      report("forward: " + reason + "; retried after the next batch");
    }
  }

  private void saveCursorIfUnsaved() {
    if (cursorUnsaved) {
      saveCursor();
    }
  }

  private boolean isStopping() {
    return stopping.getCount() == 0;
  }

  /** Waits {@code d}; false if the server is stopping. */
  private boolean pause(Duration d) throws InterruptedException {
    return !stopping.await(d.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void report(String message) {
    problems.accept(message);
  }

  private void report(String message, Throwable t) {
    StringWriter trace = new StringWriter();
    t.printStackTrace(new PrintWriter(trace));
    problems.accept("forward: " + message + "\n" + trace.toString().stripTrailing());
  }

  private void closeStore() {
    try {
      source.close();
      cursors.close();
      db.close();
    } catch (SQLException e) {
      report("forward: cannot close its connection to the store: " + e.getMessage());
    }
  }

  /**
   * Stops at once: a wait ends, a request in flight is cancelled (its batch is sent again after a
   * restart), the cursor is saved. Readings not yet forwarded stay in the store for the next start.
   */
  @Override
  public void close() {
    stopping.countDown();
    thread.interrupt();
    boolean interrupted = false;
    long deadline = System.nanoTime() + STOP_WAIT.toNanos();
    while (thread.isAlive() && System.nanoTime() < deadline) {
      try {
        thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (thread.isAlive()) {
      report("forward: the forwarder did not stop within " + BatchPoster.human(STOP_WAIT) + "; leaving it");
    }
    poster.close();
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
