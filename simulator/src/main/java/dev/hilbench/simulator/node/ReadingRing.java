package dev.hilbench.simulator.node;

import java.util.Arrays;

/**
 * A node's bounded FIFO of readings on their way out: unsent ones, and in acknowledged mode the
 * unacknowledged ones. Full, it drops its oldest entry, like the firmware's fixed ring. Arrays
 * grow on demand up to the capacity, so a node that never buffers pays for eight entries.
 */
final class ReadingRing {

  static final byte MANGLED = 1;      // the line is malformed on purpose; never resent
  static final byte QUEUED = 2;       // handed to a connection at least once
  static final byte WRITTEN = 4;      // written whole to a socket at least once
  static final byte SILENT = 8;       // generated during a silence, waiting in "lwIP"

  private final int capacity;
  private long[] seqs;
  private byte[][] lines;
  private long[] ends;                // byte offset on the current link after this line, or -1
  private byte[] flags;
  private int head, size;

  ReadingRing(int capacity) {
    this.capacity = capacity;
    int initial = Math.min(capacity, 8);
    seqs = new long[initial];
    lines = new byte[initial][];
    ends = new long[initial];
    flags = new byte[initial];
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** True when adding one more evicts the oldest. */
  boolean full() {
    return size == capacity;
  }

  /** Appends; the caller evicts first when {@link #full()}. */
  void add(long seq, byte[] line, byte flag) {
    if (size == capacity) {
      throw new IllegalStateException("ring full");
    }
    if (size == seqs.length) {
      grow();
    }
    int i = slot(size++);
    seqs[i] = seq;
    lines[i] = line;
    ends[i] = -1;
    flags[i] = flag;
  }

  long seq(int k) {
    return seqs[slot(k)];
  }

  byte[] line(int k) {
    return lines[slot(k)];
  }

  long end(int k) {
    return ends[slot(k)];
  }

  void end(int k, long offset) {
    ends[slot(k)] = offset;
  }

  boolean has(int k, byte flag) {
    return (flags[slot(k)] & flag) != 0;
  }

  void mark(int k, byte flag) {
    flags[slot(k)] |= flag;
  }

  void unmark(int k, byte flag) {
    flags[slot(k)] &= (byte) ~flag;
  }

  void removeHead() {
    lines[head] = null;
    head = (head + 1) % seqs.length;
    size--;
  }

  /** Forgets every entry's place on a connection (it closed). */
  void clearEnds() {
    for (int k = 0; k < size; k++) {
      ends[slot(k)] = -1;
    }
  }

  /** Removes the entries for which {@code drop} says so, keeping the order of the rest. */
  void removeIf(EntryTest drop) {
    int kept = 0;
    for (int k = 0; k < size; k++) {
      int from = slot(k);
      if (drop.test(k)) {
        continue;
      }
      int to = slot(kept++);
      seqs[to] = seqs[from];
      lines[to] = lines[from];
      ends[to] = ends[from];
      flags[to] = flags[from];
    }
    for (int k = kept; k < size; k++) {
      lines[slot(k)] = null;
    }
    size = kept;
  }

  void clear() {
    Arrays.fill(lines, null);
    head = 0;
    size = 0;
  }

  interface EntryTest {
    boolean test(int k);
  }

  private int slot(int k) {
    return (head + k) % seqs.length;
  }

  private void grow() {
    int n = Math.min(capacity, seqs.length * 2);
    long[] s = new long[n];
    byte[][] l = new byte[n][];
    long[] e = new long[n];
    byte[] f = new byte[n];
    for (int k = 0; k < size; k++) {
      int i = slot(k);
      s[k] = seqs[i];
      l[k] = lines[i];
      e[k] = ends[i];
      f[k] = flags[i];
    }
    seqs = s;
    lines = l;
    ends = e;
    flags = f;
    head = 0;
  }
}
