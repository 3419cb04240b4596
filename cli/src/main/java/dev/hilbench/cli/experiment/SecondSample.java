package dev.hilbench.cli.experiment;

/**
 * One sampling interval (about a second) of a run.
 *
 * @param endSeconds the interval's end, in seconds after the port reopened (negative while the
 *                   receiver was down)
 * @param seconds    its length in seconds
 * @param accepts    connections the receiver accepted in it
 * @param attempts   connection attempts the nodes made in it (accepted, refused or timed out)
 * @param failed     of those, attempts that failed (refused while the receiver was down, or timed out)
 * @param connected  nodes connected at its end, as the nodes see it
 * @param back       nodes back at its end, as the receiver sees it (identified on a new connection)
 */
public record SecondSample(double endSeconds, double seconds, long accepts, long attempts, long failed, int connected,
    int back) {

  public SecondSample {
    if (!(seconds > 0)) {
      throw new IllegalArgumentException("a sampling interval must last more than 0 s, got " + seconds);
    }
  }

  public double startSeconds() {
    return endSeconds - seconds;
  }

  /**
   * Accepts per second over the interval. An interval shorter than a second (the run's last one)
   * counts as a whole second: what happened in it happened within one second, and dividing by its
   * length would inflate a handful of accepts into a peak.
   */
  public double acceptRate() {
    return accepts / Math.max(1, seconds);
  }

  /** Attempts per second over the interval; a short interval counts as a second, as for {@link #acceptRate()}. */
  public double attemptRate() {
    return attempts / Math.max(1, seconds);
  }
}
