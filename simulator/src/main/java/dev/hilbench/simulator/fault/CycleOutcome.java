package dev.hilbench.simulator.fault;

/**
 * What the device faults did to one reading cycle. The node builds one per cycle with the clean
 * line, lets the faults that fired mark it, and then acts on it.
 */
public final class CycleOutcome {

  private final String line;
  boolean sensorFailed;
  boolean dropped;
  byte[] mangled;
  String mangledBy;
  int coalesce;
  long silenceMillis;
  RebootLink reboot;

  /** @param line the reading as the node would send it, without terminator */
  public CycleOutcome(String line) {
    this.line = line;
  }

  public String line() {
    return line;
  }

  public boolean sensorFailed() {
    return sensorFailed;
  }

  public boolean dropped() {
    return dropped;
  }

  /** The bytes sent instead of the line (without terminator), or null if it goes out clean. */
  public byte[] mangled() {
    return mangled;
  }

  /** Which fault mangled the line ({@code corrupt}, {@code oversize}, {@code binary}), or null. */
  public String mangledBy() {
    return mangledBy;
  }

  /** If above 1: send this reading and the next ones together, this many lines in one write. */
  public int coalesce() {
    return coalesce;
  }

  /** If above 0: Wi-Fi goes away for this long after this cycle. */
  public long silenceMillis() {
    return silenceMillis;
  }

  /** If not null: the node reboots after this cycle, leaving its connection this way. */
  public RebootLink reboot() {
    return reboot;
  }

  void mangle(String by, byte[] bytes) {
    if (mangled == null) { // the first mangling fault wins; a line is corrupted once
      mangled = bytes;
      mangledBy = by;
    }
  }
}
