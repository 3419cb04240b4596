package dev.hilbench.hil.rom;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bytes seen outside SLIP frames (boot messages, an application's log, line noise), kept so a
 * failed connect can say what it saw instead of just "timed out". Bounded: the newest bytes win.
 */
public final class JunkLog {

  private static final Pattern BOOT_MODE = Pattern.compile("boot mode:\\((\\d+),(\\d+)\\)");

  private final int capacity;
  private byte[] bytes = new byte[0];
  private long total;

  public JunkLog(int capacity) {
    this.capacity = capacity;
  }

  public void add(int b) {
    total++;
    if (bytes.length < capacity) {
      byte[] grown = new byte[bytes.length + 1];
      System.arraycopy(bytes, 0, grown, 0, bytes.length);
      grown[bytes.length] = (byte) b;
      bytes = grown;
    } else {
      System.arraycopy(bytes, 1, bytes, 0, bytes.length - 1);
      bytes[bytes.length - 1] = (byte) b;
    }
  }

  public void addAll(byte[] more) {
    for (byte b : more) {
      add(b & 0xFF);
    }
  }

  public long total() {
    return total;
  }

  public boolean isEmpty() {
    return total == 0;
  }

  public void clear() {
    bytes = new byte[0];
    total = 0;
  }

  /** The first kept byte, as esptool's "Invalid head of packet (0xNN)" names it. */
  public int firstByte() {
    return bytes.length == 0 ? -1 : bytes[0] & 0xFF;
  }

  /** The ROM's boot-mode pair if its boot message was seen, e.g. "3,6". */
  public String bootMode() {
    Matcher m = BOOT_MODE.matcher(new String(bytes, StandardCharsets.ISO_8859_1));
    String last = null;
    while (m.find()) {
      last = m.group(1) + "," + m.group(2);
    }
    return last;
  }

  /** Mostly printable text: a log rather than noise. */
  public boolean looksLikeText() {
    if (bytes.length == 0) {
      return false;
    }
    int printable = 0;
    for (byte b : bytes) {
      int c = b & 0xFF;
      if ((c >= 0x20 && c < 0x7F) || c == '\n' || c == '\r' || c == '\t') {
        printable++;
      }
    }
    return printable * 10 >= bytes.length * 9;
  }

  /** The newest bytes as text, non-printables escaped, at most {@code max} characters. */
  public String tail(int max) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte b : bytes) {
      int c = b & 0xFF;
      if (c >= 0x20 && c < 0x7F) {
        out.write(c);
      } else if (c == '\n') {
        out.writeBytes("\\n".getBytes(StandardCharsets.US_ASCII));
      } else if (c == '\r') {
        out.writeBytes("\\r".getBytes(StandardCharsets.US_ASCII));
      } else {
        out.writeBytes(String.format("\\x%02x", c).getBytes(StandardCharsets.US_ASCII));
      }
    }
    String s = out.toString(StandardCharsets.US_ASCII);
    return s.length() <= max ? s : "..." + s.substring(s.length() - max);
  }
}
