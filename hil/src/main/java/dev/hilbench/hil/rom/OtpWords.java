package dev.hilbench.hil.rom;

/**
 * The four OTP (eFuse) words at 0x3FF00050..5C, from which esptool derives chip type, MAC and
 * chip id.
 */
public record OtpWords(int w0, int w1, int w2, int w3) {

  public static final int[] ADDRESSES = {0x3FF00050, 0x3FF00054, 0x3FF00058, 0x3FF0005C};

  /** An ESP8285 (flash in the package) sets w0 bit 4 or w2 bit 16. */
  public boolean isEsp8285() {
    return (w0 & (1 << 4)) != 0 || (w2 & (1 << 16)) != 0;
  }

  public String chipType() {
    return isEsp8285() ? "ESP8285" : "ESP8266EX";
  }

  /** {@code (w0 >> 24) | ((w1 & 0xFFFFFF) << 8)}, printed by esptool as "Chip ID: 0x00a1b2c3". */
  public int chipId() {
    return (w0 >>> 24) | ((w1 & 0xFFFFFF) << 8);
  }

  /** The station MAC: an OUI (from w3, or chosen by a byte of w1), then w1's two low bytes and w0's top byte. */
  public byte[] mac() throws EspException {
    int[] oui;
    if (w3 != 0) {
      oui = new int[] {(w3 >>> 16) & 0xFF, (w3 >>> 8) & 0xFF, w3 & 0xFF};
    } else if (((w1 >>> 16) & 0xFF) == 0) {
      oui = new int[] {0x18, 0xFE, 0x34};
    } else if (((w1 >>> 16) & 0xFF) == 1) {
      oui = new int[] {0xAC, 0xD0, 0x74};
    } else {
      throw new EspException(String.format("Unknown OUI (OTP word 1 is 0x%08x)", w1), null);
    }
    return new byte[] {(byte) oui[0], (byte) oui[1], (byte) oui[2],
        (byte) (w1 >>> 8), (byte) w1, (byte) (w0 >>> 24)};
  }

  public static String formatMac(byte[] mac) {
    StringBuilder s = new StringBuilder();
    for (byte b : mac) {
      if (!s.isEmpty()) {
        s.append(':');
      }
      s.append(String.format("%02x", b & 0xFF));
    }
    return s.toString();
  }
}
