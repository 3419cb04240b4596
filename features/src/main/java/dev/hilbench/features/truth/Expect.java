package dev.hilbench.features.truth;

/** What the server's store should hold of one reading, given what the device says it did with it. */
public enum Expect {
  /** Acknowledged by the server: missing from the store is always a failure. */
  MUST,
  /** Written whole to the socket: missing is a loss in transit, allowed only where timing decides. */
  SHOULD,
  /** Written but not (yet) acknowledged, or still inside the device: may or may not be stored. */
  MAYBE,
  /** Never left the device intact (dropped, failed read, mangled, offline): stored is a failure. */
  NEVER
}
