/**
 * The highest connect rate a fleet reaches, in connects per second over windows of at least 1 s,
 * from its connect counter sampled more often than that (the scale and storm benchmarks both
 * report it).
 */
final class PeakConnectRate {

  private static final double WINDOW_NANOS = 1e9;

  private long lastConnects;
  private long lastSample;
  private long peak;

  /** Starts counting from {@code connects} so far, at {@code nanos} ({@link System#nanoTime()}). */
  PeakConnectRate(long connects, long nanos) {
    this.lastConnects = connects;
    this.lastSample = nanos;
  }

  /** One sample of the fleet's connect counter; closes a window once 1 s has passed since the last. */
  void sample(long connects, long nanos) {
    if (nanos - lastSample >= WINDOW_NANOS) {
      peak = Math.max(peak, (long) ((connects - lastConnects) / ((nanos - lastSample) / 1e9)));
      lastConnects = connects;
      lastSample = nanos;
    }
  }

  /** Connects per second in the busiest window so far; 0 before the first window closes. */
  long peak() {
    return peak;
  }
}
