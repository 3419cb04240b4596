package dev.hilbench.cli.experiment;

/**
 * What one node did in one policy's run, from the receiver's store and the reconciliation.
 *
 * @param device           the node's device id
 * @param backMillis       when the receiver first identified it on a new connection, in ms after the
 *                         port reopened; -1 if it was not back before the run ended
 * @param connections      connections the receiver accepted from it after the port reopened (the
 *                         attempts refused while it was down are only counted fleet-wide)
 * @param readingsAfter    readings the receiver stored from it after the port reopened
 * @param lost             readings it generated that the store does not hold, whatever the reason
 * @param lostInTransit    of those, written to the socket but not stored
 * @param allowedInTransit how many of those timing may explain: one per abrupt connection end
 */
public record NodeOutcome(String device, long backMillis, int connections, long readingsAfter, long lost,
    long lostInTransit, long allowedInTransit) {

  public NodeOutcome {
    if (backMillis < -1) {
      throw new IllegalArgumentException(device + ": back time must be -1 (never) or 0 or more, got " + backMillis);
    }
  }

  public boolean back() {
    return backMillis >= 0;
  }
}
