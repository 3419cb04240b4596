package dev.hilbench.simulator.policy;

import java.util.SplittableRandom;

/**
 * One node's reconnect state: the attempt count and the previous delay, fed to its policy.
 *
 * <p>The count resets only after a connection that stayed up for {@code resetAfter}: a node the
 * server accepts and throws out at once keeps backing off instead of hammering it at base rate.
 * Not thread-safe; a node's state is only touched by its event loop.
 */
public final class Backoff {

  private final BackoffSettings settings;
  private final ReconnectPolicy policy;
  private int attempt;
  private long previousDelay;
  private long connectedAt = -1;

  public Backoff(BackoffSettings settings) {
    this.settings = settings;
    this.policy = settings.policy();
    this.previousDelay = settings.baseMillis();
  }

  public BackoffSettings settings() {
    return settings;
  }

  /** Failures since the last stable connection. */
  public int attempt() {
    return attempt;
  }

  /** The delay before the next attempt, after a failed one. */
  public long nextDelay(SplittableRandom random) {
    attempt++;
    long d = Math.max(0, policy.nextDelay(attempt, previousDelay, random));
    previousDelay = d;
    return d;
  }

  public void connected(long nowMillis) {
    connectedAt = nowMillis;
  }

  /**
   * The connection ended. If it had been stable the count starts over and this returns true: the
   * node may try again at once, as the classroom sketch does on its next {@code loop()}.
   */
  public boolean disconnected(long nowMillis) {
    boolean stable = connectedAt >= 0 && nowMillis - connectedAt >= settings.resetAfter().toMillis();
    if (stable) {
      attempt = 0;
      previousDelay = settings.baseMillis();
    }
    connectedAt = -1;
    return stable;
  }
}
