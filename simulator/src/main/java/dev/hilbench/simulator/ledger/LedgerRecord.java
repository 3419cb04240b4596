package dev.hilbench.simulator.ledger;

/**
 * One boot of one node in a finished ledger.
 *
 * @param device     the id the node gave in its hello (the store's device)
 * @param boot       the boot id of its hello
 * @param group      the scenario group the node belongs to
 * @param fates      one {@link Fate#code()} per reading, indexed by seq
 * @param abruptEnds connections of this boot that ended abruptly (reset, closed by the server,
 *                   lost to silence): each may lose a reading in transit, so each allows one
 * @param resends    readings written more than once (acknowledged mode, after a reconnect)
 */
public record LedgerRecord(String device, String boot, String group, String fates, int abruptEnds, int resends) {

  public int generated() {
    return fates.length();
  }

  public Fate fate(long seq) {
    return Fate.ofCode(fates.charAt((int) seq));
  }

  /** Readings of this boot with the given fate. */
  public int count(Fate f) {
    int n = 0;
    char c = f.code();
    for (int i = 0; i < fates.length(); i++) {
      if (fates.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }
}
