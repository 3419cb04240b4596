package dev.hilbench.simulator.reconcile;

import dev.hilbench.simulator.ledger.Fate;
import java.util.List;
import java.util.Map;

/**
 * One device's (or the fleet's) line of the reconciliation.
 *
 * @param device          device id as stored ("total" for the sum)
 * @param generated       readings generated (seqs taken), sensor failures included
 * @param sent            readings written to the socket, mangled ones included
 * @param stored          distinct readings the store holds
 * @param lostInTransit   written (sent or unacked) but not stored
 * @param allowedInTransit how many of those timing may explain: one per abrupt connection end
 * @param duplicated      store rows beyond the first for one (device, boot, seq): must be 0
 * @param resent          readings the node wrote again after a reconnect (the server's duplicates)
 * @param losses          readings not stored, by the fate that explains it (drop, mangled, offline, ...)
 * @param problems        failed checks, in words
 */
public record DeviceTally(String device, long generated, long sent, long stored, long lostInTransit,
    long allowedInTransit, long duplicated, long resent, Map<Fate, Long> losses, List<String> problems) {

  public boolean ok() {
    return problems.isEmpty();
  }

  /** Readings not stored for a reason the ledger names (dropped, mangled, offline, ...). */
  public long lostByPlace() {
    return losses.values().stream().mapToLong(Long::longValue).sum();
  }
}
