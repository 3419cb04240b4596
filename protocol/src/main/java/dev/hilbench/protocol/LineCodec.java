package dev.hilbench.protocol;

import java.nio.charset.StandardCharsets;

/**
 * Decodes and encodes single lines of the wire format (see {@code docs/protocol.md}).
 *
 * <p>Input is one line as the {@link LineFramer} delivers it: without its LF or CR LF. Decoding
 * is a single pass over the bytes with no intermediate strings for readings, because the server
 * decodes millions of lines a second; control lines are rare and decoded the simple way.
 */
public final class LineCodec {

  /** Longest device id a hello may carry. */
  public static final int MAX_DEVICE_LENGTH = 32;
  /** Longest fw or boot token a hello may carry. */
  public static final int MAX_TOKEN_LENGTH = 32;
  /** How much of a bad line is kept for the report. */
  public static final int EXCERPT_LENGTH = 48;

  public static final double MIN_TEMPERATURE = -40.0;
  public static final double MAX_TEMPERATURE = 80.0;
  public static final double MIN_HUMIDITY = 0.0;
  public static final double MAX_HUMIDITY = 100.0;

  private static final long UINT32_MAX = 0xFFFF_FFFFL;
  private static final long EXACT_MANTISSA = 1L << 53;
  private static final double[] POW10 = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };

  private LineCodec() {}

  public static Line decode(String line) {
    byte[] bytes = line.getBytes(StandardCharsets.ISO_8859_1);
    return decode(bytes, 0, bytes.length);
  }

  /** Decodes {@code len} bytes at {@code off}: one line without its terminator. Never throws. */
  public static Line decode(byte[] b, int off, int len) {
    if (len == 0) {
      return Blank.INSTANCE;
    }
    int end = off + len;
    // One pass: reject any non-printable byte and remember where the first three commas are.
    int c1 = -1, c2 = -1, c3 = -1, commas = 0;
    for (int i = off; i < end; i++) {
      int c = b[i];
      if (c < 0x20 || c > 0x7E) {
        return malformed(LineError.INVALID_BYTE,
            String.format("byte 0x%02X at column %d is not printable ASCII", c & 0xFF, i - off + 1), b, off, len);
      }
      if (c == ',') {
        switch (++commas) {
          case 1 -> c1 = i;
          case 2 -> c2 = i;
          case 3 -> c3 = i;
          default -> { }
        }
      }
    }
    if (b[off] == '#') {
      return decodeControl(new String(b, off, len, StandardCharsets.US_ASCII), b, off, len);
    }
    if (commas != 3) {
      return malformed(LineError.FIELD_COUNT,
          "expected 4 comma-separated fields (seq,millis,temperature,humidity), got " + (commas + 1), b, off, len);
    }
    long seq = parseUint32(b, off, c1);
    if (seq < 0) {
      return malformed(LineError.BAD_SEQ, "seq (field 1) is not an unsigned integer up to 4294967295", b, off, len);
    }
    long millis = parseUint32(b, c1 + 1, c2);
    if (millis < 0) {
      return malformed(LineError.BAD_MILLIS, "millis (field 2) is not an unsigned integer up to 4294967295", b, off, len);
    }
    double temperature = parseDecimal(b, c2 + 1, c3);
    if (Double.isNaN(temperature)) {
      return malformed(LineError.BAD_TEMPERATURE, "temperature (field 3) is not a decimal number", b, off, len);
    }
    double humidity = parseDecimal(b, c3 + 1, end);
    if (Double.isNaN(humidity)) {
      return malformed(LineError.BAD_HUMIDITY, "humidity (field 4) is not a decimal number", b, off, len);
    }
    if (temperature < MIN_TEMPERATURE || temperature > MAX_TEMPERATURE) {
      return malformed(LineError.TEMPERATURE_RANGE,
          "temperature " + temperature + " is outside -40..80 °C, which no DHT sensor reports", b, off, len);
    }
    if (humidity < MIN_HUMIDITY || humidity > MAX_HUMIDITY) {
      return malformed(LineError.HUMIDITY_RANGE, "humidity " + humidity + " is outside 0..100 %", b, off, len);
    }
    return new Reading(seq, millis, temperature, humidity);
  }

  /** An unsigned decimal integer up to 2^32-1 in [from, to), leading zeros allowed; -1 if not. */
  static long parseUint32(byte[] b, int from, int to) {
    if (from >= to) {
      return -1;
    }
    long v = 0;
    for (int i = from; i < to; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
      if (v > UINT32_MAX) {
        return -1;
      }
    }
    return v;
  }

  /**
   * A decimal {@code [+-]digits[.digits]} in [from, to); NaN if it is not one. Exact to the
   * nearest double: the digits form an integer mantissa divided by an exact power of ten, and
   * only mantissas beyond 2^53 (more than 15 digits) take the slow, general path.
   */
  static double parseDecimal(byte[] b, int from, int to) {
    int i = from;
    boolean negative = false;
    if (i < to && (b[i] == '-' || b[i] == '+')) {
      negative = b[i] == '-';
      i++;
    }
    long mantissa = 0;
    int intDigits = 0, fracDigits = 0;
    boolean exact = true;
    for (; i < to && b[i] >= '0' && b[i] <= '9'; i++, intDigits++) {
      if (mantissa < EXACT_MANTISSA) {
        mantissa = mantissa * 10 + (b[i] - '0');
      } else {
        exact = false;
      }
    }
    if (intDigits == 0) {
      return Double.NaN;
    }
    if (i < to && b[i] == '.') {
      i++;
      for (; i < to && b[i] >= '0' && b[i] <= '9'; i++, fracDigits++) {
        if (mantissa < EXACT_MANTISSA) {
          mantissa = mantissa * 10 + (b[i] - '0');
        } else {
          exact = false;
        }
      }
      if (fracDigits == 0) {
        return Double.NaN;
      }
    }
    if (i != to) {
      return Double.NaN;
    }
    double value;
    if (exact && mantissa <= EXACT_MANTISSA && fracDigits < POW10.length) {
      value = mantissa / POW10[fracDigits];
    } else {
      value = Double.parseDouble(new String(b, from, to - from, StandardCharsets.US_ASCII));
    }
    return negative && value != 0 ? -value : value; // -0.0 would differ from 0.0 in equals()
  }

  private static Line decodeControl(String line, byte[] b, int off, int len) {
    String[] words = line.split(" +");
    return switch (words[0]) {
      case "#hello" -> decodeHello(words, b, off, len);
      case "#ack" -> {
        byte[] arg = words.length == 2 ? words[1].getBytes(StandardCharsets.US_ASCII) : new byte[0];
        long seq = parseUint32(arg, 0, arg.length);
        yield seq < 0
            ? malformed(LineError.BAD_ACK, "expected '#ack <seq>' with seq an unsigned integer", b, off, len)
            : new Ack(seq);
      }
      default -> malformed(LineError.UNKNOWN_CONTROL,
          "unknown control line " + words[0] + " (known: #hello, #ack)", b, off, len);
    };
  }

  private static Line decodeHello(String[] words, byte[] b, int off, int len) {
    String device = null, fw = "unknown", boot = null;
    boolean ack = false;
    for (int i = 1; i < words.length; i++) {
      int eq = words[i].indexOf('=');
      if (eq <= 0) {
        return malformed(LineError.BAD_HELLO, "expected key=value, got '" + words[i] + "'", b, off, len);
      }
      String key = words[i].substring(0, eq), value = words[i].substring(eq + 1);
      switch (key) {
        case "device" -> device = value;
        case "fw" -> fw = value;
        case "boot" -> boot = value;
        case "ack" -> {
          if (!value.equals("0") && !value.equals("1")) {
            return malformed(LineError.BAD_HELLO, "ack must be 0 or 1, got '" + value + "'", b, off, len);
          }
          ack = value.equals("1");
        }
        default -> { } // unknown keys are ignored so that newer nodes can add some
      }
    }
    String problem = device == null ? "device is missing"
        : boot == null ? "boot is missing"
        : tokenProblem("device", device, MAX_DEVICE_LENGTH) != null ? tokenProblem("device", device, MAX_DEVICE_LENGTH)
        : tokenProblem("fw", fw, MAX_TOKEN_LENGTH) != null ? tokenProblem("fw", fw, MAX_TOKEN_LENGTH)
        : tokenProblem("boot", boot, MAX_TOKEN_LENGTH);
    if (problem != null) {
      return malformed(LineError.BAD_HELLO, problem, b, off, len);
    }
    return new Hello(device, fw, boot, ack);
  }

  /** Why {@code value} is not a valid hello token, or null if it is. */
  static String tokenProblem(String name, String value, int maxLength) {
    if (value == null || value.isEmpty() || value.length() > maxLength) {
      return name + " must be 1 to " + maxLength + " characters";
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.' || c == '_' || c == '-' || c == ':' || c == '+';
      if (!ok) {
        return name + " may hold only letters, digits and . _ - : +";
      }
    }
    return null;
  }

  static void requireToken(String name, String value, int maxLength) {
    String problem = tokenProblem(name, value, maxLength);
    if (problem != null) {
      throw new IllegalArgumentException(problem + ": '" + value + "'");
    }
  }

  private static Malformed malformed(LineError error, String detail, byte[] b, int off, int len) {
    return new Malformed(error, detail, excerpt(b, off, len));
  }

  /** The start of a line, safe to print: printable ASCII kept, everything else as {@code \xHH}. */
  public static String excerpt(byte[] b, int off, int len) {
    int n = Math.min(len, EXCERPT_LENGTH);
    StringBuilder s = new StringBuilder(n + 8);
    for (int i = off; i < off + n; i++) {
      int c = b[i] & 0xFF;
      if (c == '\\') {
        s.append("\\\\");
      } else if (c >= 0x20 && c <= 0x7E) {
        s.append((char) c);
      } else {
        s.append(String.format("\\x%02X", c));
      }
    }
    if (len > n) {
      s.append("...");
    }
    return s.toString();
  }

  /** The reading line without terminator, values with {@code decimals} decimals, half away from zero. */
  public static String encode(Reading r, int decimals) {
    StringBuilder s = new StringBuilder(32);
    s.append(r.seq()).append(',').append(r.millis()).append(',');
    appendFixed(s, r.temperature(), decimals);
    s.append(',');
    appendFixed(s, r.humidity(), decimals);
    return s.toString();
  }

  static void appendFixed(StringBuilder s, double v, int decimals) {
    if (decimals < 0 || decimals > 9) {
      throw new IllegalArgumentException("decimals must be 0..9, got " + decimals);
    }
    long scale = (long) POW10[decimals];
    long scaled = Math.round(Math.abs(v) * scale);
    if (v < 0 && scaled != 0) {
      s.append('-');
    }
    s.append(scaled / scale);
    if (decimals > 0) {
      String frac = Long.toString(scaled % scale);
      s.append('.');
      for (int i = frac.length(); i < decimals; i++) {
        s.append('0');
      }
      s.append(frac);
    }
  }
}
