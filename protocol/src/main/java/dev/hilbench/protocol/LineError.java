package dev.hilbench.protocol;

/** Why a line was rejected. The codes are shared with the firmware's C++ core (see vectors). */
public enum LineError {
  /** A byte outside printable ASCII (0x20..0x7E): binary, UTF-8, a tab, a lone CR. */
  INVALID_BYTE("invalid_byte"),
  /** Not four comma-separated fields. */
  FIELD_COUNT("field_count"),
  /** {@code seq} is not an unsigned 32-bit decimal integer. */
  BAD_SEQ("bad_seq"),
  /** {@code millis} is not an unsigned 32-bit decimal integer. */
  BAD_MILLIS("bad_millis"),
  /** Temperature is not a plain decimal number ({@code nan}, {@code inf}, exponents are not). */
  BAD_TEMPERATURE("bad_temperature"),
  /** Humidity is not a plain decimal number. */
  BAD_HUMIDITY("bad_humidity"),
  /** Temperature outside -40..80 °C: no DHT sensor reports that. */
  TEMPERATURE_RANGE("temperature_range"),
  /** Humidity outside 0..100 %. */
  HUMIDITY_RANGE("humidity_range"),
  /** A {@code #hello} line without a valid device, fw, boot or ack. */
  BAD_HELLO("bad_hello"),
  /** A {@code #ack} line without a valid seq. */
  BAD_ACK("bad_ack"),
  /** A {@code #} line of a kind this version does not know. */
  UNKNOWN_CONTROL("unknown_control"),
  /** Longer than the framer's limit; discarded up to the next LF (reported by the framer). */
  OVERSIZE("oversize"),
  /** The connection ended in the middle of a line (reported by the framer at end of stream). */
  TRUNCATED("truncated");

  private final String code;

  LineError(String code) {
    this.code = code;
  }

  /** The stable code used in logs, JSON, metrics and the shared vector file. */
  public String code() {
    return code;
  }

  public static LineError ofCode(String code) {
    for (LineError e : values()) {
      if (e.code.equals(code)) {
        return e;
      }
    }
    throw new IllegalArgumentException("unknown line error code: " + code);
  }
}
