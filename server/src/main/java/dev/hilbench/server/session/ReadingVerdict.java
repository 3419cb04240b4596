package dev.hilbench.server.session;

/** What a reading's seq is, relative to what its device's boot delivered before. */
public enum ReadingVerdict {
  /** Above everything received: new, possibly after a gap. */
  NEW,
  /** Below the highest, in a gap: new, arriving late (the gap shrinks by one). */
  LATE,
  /** Received before: counted and acknowledged, not stored again. */
  DUPLICATE
}
