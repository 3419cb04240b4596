package dev.hilbench.simulator.ledger;

/**
 * What became of one generated reading. Each fate has a one-letter code (the ledger file keeps
 * one letter per reading) and says whether the server's store should hold the reading.
 */
public enum Fate {
  /** Still inside the node (in its buffer or being written); never left in a finished ledger. */
  PENDING('.', "pending", Expect.NOT_STORED),
  SENSOR_FAIL('f', "sensor_fail", Expect.NOT_STORED),
  DROPPED('d', "drop", Expect.NOT_STORED),
  /** Sent as a malformed line (corrupt, oversize, binary): the server counts it, stores nothing. */
  MANGLED('m', "mangled", Expect.NOT_STORED),
  /** Generated while not connected, by a node that buffers nothing (classroom). */
  OFFLINE('o', "offline", Expect.NOT_STORED),
  /** Pushed out of the full ring buffer by newer readings before it could be sent. */
  OVERFLOW('v', "overflow", Expect.NOT_STORED),
  /** Written while Wi-Fi was gone, on a connection that did not survive it. */
  SILENCED('s', "silenced", Expect.NOT_STORED),
  /** Its line was cut off by the connection closing (classroom mode: not resent). */
  CUT('c', "cut", Expect.NOT_STORED),
  /** In RAM, never sent, when the node rebooted. */
  REBOOT('r', "reboot", Expect.NOT_STORED),
  /** Still buffered, never sent, when the run ended. */
  UNSENT('u', "unsent", Expect.NOT_STORED),
  /** Written to the socket whole. Expected in the store; a miss is a loss in transit. */
  SENT('S', "sent", Expect.STORED),
  /** Written, but no acknowledgement came before the connection or the run ended. */
  UNACKED('U', "unacked", Expect.MAYBE),
  /** Acknowledged by the server: it must be in the store. */
  ACKED('A', "acked", Expect.MUST);

  /** What the store should hold of a reading with this fate. */
  public enum Expect {
    /** Must be stored: a miss is a failed check. */
    MUST,
    /** Should be stored; a miss is a loss in transit, allowed only where timing decides. */
    STORED,
    /** May or may not be stored (an unacknowledged write). */
    MAYBE,
    /** Never reached the server intact: finding it stored is a failed check. */
    NOT_STORED
  }

  private static final Fate[] BY_CODE = new Fate[128];

  static {
    for (Fate f : values()) {
      BY_CODE[f.code] = f;
    }
  }

  private final char code;
  private final String label;
  private final Expect expect;

  Fate(char code, String label, Expect expect) {
    this.code = code;
    this.label = label;
    this.expect = expect;
  }

  public char code() {
    return code;
  }

  public String label() {
    return label;
  }

  public Expect expect() {
    return expect;
  }

  /** Whether the reading's line was written to a socket (clean or mangled). */
  public boolean sent() {
    return this == SENT || this == UNACKED || this == ACKED || this == MANGLED;
  }

  public static Fate ofCode(char c) {
    Fate f = c < 128 ? BY_CODE[c] : null;
    if (f == null) {
      throw new IllegalArgumentException("'" + c + "' is not a fate code");
    }
    return f;
  }
}
