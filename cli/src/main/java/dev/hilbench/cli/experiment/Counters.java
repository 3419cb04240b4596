package dev.hilbench.cli.experiment;

/**
 * The running totals of a run at one moment, as the sampler reads them each second.
 *
 * @param nanos     when ({@link System#nanoTime()})
 * @param instance  which receiver instance was running (1, 2, ...), 0 while it was down
 * @param accepted  connections that instance had accepted since it started
 * @param attempts  connection attempts of the fleet since it started (connected or failed)
 * @param failed    failed connection attempts of the fleet since it started
 * @param connected nodes connected, as the nodes see it
 * @param back      nodes the restarted receiver has identified on a connection (0 before the restart)
 */
record Counters(long nanos, int instance, long accepted, long attempts, long failed, int connected, int back) {

  /**
   * What happened between {@code before} and this moment, with times in seconds after
   * {@code reopenNanos}. A receiver instance counts its accepts from zero, so when the instance
   * changed, all of this one's accepts fall in the interval.
   */
  SecondSample since(Counters before, long reopenNanos) {
    long accepts = instance == before.instance ? accepted - before.accepted : accepted;
    return new SecondSample((nanos - reopenNanos) / 1e9, (nanos - before.nanos) / 1e9, accepts,
        attempts - before.attempts, failed - before.failed, connected, back);
  }
}
