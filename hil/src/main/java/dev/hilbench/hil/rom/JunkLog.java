package dev.hilbench.hil.rom;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bytes seen outside SLIP frames (boot messages, an application's log, line noise), kept so a
 * failed connect can say what it saw instead of just "timed out". A ring: the newest bytes win.
 */
public final class JunkLog {

  private static final Pattern BOOT_MODE = Pattern.compile("boot mode:\\((\\d+),(\\d+)\\)");

  private final byte[] ring;
  private long total;

  public JunkLog(int capacity) {
    this.ring = new byte[capacity];
  }

  public void add(int b) {
    ring[(int) (total++ % ring.length)] = (byte) b;
  }

  /** Adds text as its Latin-1 bytes (for tests and scripted boards). */
  public void addAll(String text) {
    for (byte b : text.getBytes(StandardCharsets.ISO_8859_1)) {
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
    total = 0;
  }

  /** The kept bytes, oldest first. */
  byte[] bytes() {
    int kept = (int) Math.min(total, ring.length);
    byte[] out = new byte[kept];
    int start = (int) ((total - kept) % ring.length);
    for (int i = 0; i < kept; i++) {
      out[i] = ring[(start + i) % ring.length];
    }
    return out;
  }

  /** The oldest kept byte, as esptool's "Invalid head of packet (0xNN)" names it; -1 if none. */
  public int firstByte() {
    byte[] b = bytes();
    return b.length == 0 ? -1 : b[0] & 0xFF;
  }

  /** The boot-mode pair of the last ROM boot message seen, e.g. "3,6"; null if none. */
  public String bootMode() {
    Matcher m = BOOT_MODE.matcher(new String(bytes(), StandardCharsets.ISO_8859_1));
    String last = null;
    while (m.find()) {
      last = m.group(1) + "," + m.group(2);
    }
    return last;
  }

  /** Mostly printable text (nine bytes in ten): a log rather than noise. */
  public boolean looksLikeText() {
    byte[] b = bytes();
    int printable = 0;
    for (byte x : b) {
      int c = x & 0xFF;
      if ((c >= 0x20 && c < 0x7F) || c == '\n' || c == '\r' || c == '\t') {
        printable++;
      }
    }
    return b.length > 0 && printable * 10 >= b.length * 9;
  }

  /** The newest bytes as text, non-printables escaped, at most {@code max} characters. */
  public String tail(int max) {
    StringBuilder s = new StringBuilder();
    for (byte x : bytes()) {
      int c = x & 0xFF;
      if (c >= 0x20 && c < 0x7F) {
        s.append((char) c);
      } else if (c == '\n') {
        s.append("\\n");
      } else if (c == '\r') {
        s.append("\\r");
      } else {
        s.append(String.format("\\x%02x", c));
      }
    }
    return s.length() <= max ? s.toString() : "..." + s.substring(s.length() - max);
  }
}
