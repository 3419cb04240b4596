package dev.hilbench.cli.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reads a run's counters once a second on its own thread, from the moment the receiver goes down
 * to the end of the run, for the per-second data (accept rate, attempt rate, nodes back).
 */
final class Sampler implements AutoCloseable {

  private final Supplier<Counters> read;
  private final Consumer<Counters> onTick;
  private final List<Counters> taken = new ArrayList<>();
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "experiment-sampler");
    t.setDaemon(true);
    return t;
  });
  private volatile RuntimeException failure;

  /**
   * @param read   reads the counters now
   * @param onTick sees each sample as it is taken (the progress line)
   */
  Sampler(Supplier<Counters> read, Consumer<Counters> onTick) {
    this.read = read;
    this.onTick = onTick;
  }

  /** Takes the first sample now (the baseline), then one every second. */
  void start() {
    add(read.get());
    ticker.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
  }

  private void tick() {
    try {
      Counters c = read.get();
      add(c);
      onTick.accept(c);
    } catch (RuntimeException e) {
      failure = e; // kept and rethrown by stop(): a failed sample must not pass unnoticed
      throw e;
    }
  }

  private synchronized void add(Counters c) {
    taken.add(c);
  }

  /** Stops sampling, takes a last (shorter) sample, and returns them all, the baseline first. */
  List<Counters> stop() throws InterruptedException {
    ticker.shutdown();
    if (!ticker.awaitTermination(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the sampler did not stop within 10 s");
    }
    if (failure != null) {
      throw new IllegalStateException("sampling the counters failed: " + failure, failure);
    }
    add(read.get());
    synchronized (this) {
      return List.copyOf(taken);
    }
  }

  /** Per-interval samples, with times relative to {@code reopenNanos}. */
  static List<SecondSample> intervals(List<Counters> taken, long reopenNanos) {
    List<SecondSample> out = new ArrayList<>();
    for (int i = 1; i < taken.size(); i++) {
      if (taken.get(i).nanos() > taken.get(i - 1).nanos()) {
        out.add(taken.get(i).since(taken.get(i - 1), reopenNanos));
      }
    }
    return out;
  }

  @Override
  public void close() {
    ticker.shutdownNow();
  }
}
