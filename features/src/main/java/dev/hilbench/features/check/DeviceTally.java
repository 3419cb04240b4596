package dev.hilbench.features.check;

/**
 * One device's line in a reconciliation of what it says it sent against what the server stored.
 *
 * @param device        the device id
 * @param generated     readings it generated (all boots)
 * @param written       readings whose line it wrote whole
 * @param stored        readings of it in the store that its record covers
 * @param mustMissing   acknowledged readings missing from the store (always a failure)
 * @param lostInTransit written, unacknowledged readings missing from the store
 * @param abruptEnds    connections that ended abruptly, each of which may lose one reading in flight
 * @param unexpected    stored readings the device says never left it intact
 * @param duplicates    readings stored more than once
 * @param mismatched    stored readings whose values differ from what the device logged
 */
public record DeviceTally(String device, long generated, long written, long stored, long mustMissing,
    long lostInTransit, long abruptEnds, long unexpected, long duplicates, long mismatched) {

  /** Every written reading stored once, nothing else stored. */
  public boolean exact() {
    return mustMissing == 0 && lostInTransit == 0 && unexpected == 0 && duplicates == 0 && mismatched == 0;
  }

  /** As {@link #exact()}, but up to {@code allowed} written readings may be lost in transit. */
  public boolean exactBut(long allowed) {
    return mustMissing == 0 && lostInTransit <= allowed && unexpected == 0 && duplicates == 0 && mismatched == 0;
  }

  @Override
  public String toString() {
    return device + ": generated " + generated + ", written " + written + ", stored " + stored
        + ", acked but missing " + mustMissing + ", lost in transit " + lostInTransit
        + " (abrupt ends " + abruptEnds + "), unexpected " + unexpected + ", duplicates " + duplicates
        + ", values differing " + mismatched;
  }
}
