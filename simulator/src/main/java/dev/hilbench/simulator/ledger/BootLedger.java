package dev.hilbench.simulator.ledger;

import java.util.Arrays;

/**
 * The fates of the readings of one boot of one node, indexed by seq, as the node records them.
 * One byte per reading. Mutated only by the node's event loop; {@link #snapshot()} copies it.
 */
public final class BootLedger {

  private final String device;
  private final String boot;
  private final String group;
  private byte[] fates = new byte[16];
  private int size;
  private int abruptEnds;
  private int resends;

  public BootLedger(String device, String boot, String group) {
    this.device = device;
    this.boot = boot;
    this.group = group;
  }

  /** Records the next seq (which must be {@link #size()}) with a first fate. */
  public void add(long seq, Fate fate) {
    if (seq != size) {
      throw new IllegalStateException(device + "/" + boot + ": seq " + seq + " recorded out of order, expected " + size);
    }
    if (size == fates.length) {
      fates = Arrays.copyOf(fates, size * 2);
    }
    fates[size++] = (byte) fate.ordinal();
  }

  public void set(long seq, Fate fate) {
    fates[(int) seq] = (byte) fate.ordinal();
  }

  public Fate get(long seq) {
    return Fate.values()[fates[(int) seq]];
  }

  public int size() {
    return size;
  }

  /** A connection of this boot ended in a way that may lose what was in flight (RST, peer gone). */
  public void abruptEnd() {
    abruptEnds++;
  }

  /** A reading was written again after a reconnect (acknowledged mode). */
  public void resent() {
    resends++;
  }

  /** Any reading still {@link Fate#PENDING} becomes {@code rest}. */
  public void settlePending(Fate rest) {
    byte p = (byte) Fate.PENDING.ordinal();
    for (int i = 0; i < size; i++) {
      if (fates[i] == p) {
        fates[i] = (byte) rest.ordinal();
      }
    }
  }

  public LedgerRecord snapshot() {
    char[] codes = new char[size];
    Fate[] all = Fate.values();
    for (int i = 0; i < size; i++) {
      codes[i] = all[fates[i]].code();
    }
    return new LedgerRecord(device, boot, group, new String(codes), abruptEnds, resends);
  }
}
