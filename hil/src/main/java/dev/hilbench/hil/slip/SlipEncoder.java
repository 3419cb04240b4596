package dev.hilbench.hil.slip;

import java.io.ByteArrayOutputStream;

/**
 * Wraps a packet in a SLIP frame as the ESP8266 ROM expects: {@code C0}, the packet with
 * {@code DB} escaped to {@code DB DD} and {@code C0} to {@code DB DC}, then {@code C0}.
 *
 * <p>Lengths and checksums are computed over the unescaped packet, before this step.
 */
public final class SlipEncoder {

  public static final int END = 0xC0;
  public static final int ESC = 0xDB;
  public static final int ESC_END = 0xDC;
  public static final int ESC_ESC = 0xDD;

  private SlipEncoder() {}

  public static byte[] encode(byte[] packet) {
    return encode(packet, 0, packet.length);
  }

  public static byte[] encode(byte[] packet, int off, int len) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(len + len / 16 + 2);
    out.write(END);
    for (int i = off; i < off + len; i++) {
      int b = packet[i] & 0xFF;
      if (b == ESC) {
        out.write(ESC);
        out.write(ESC_ESC);
      } else if (b == END) {
        out.write(ESC);
        out.write(ESC_END);
      } else {
        out.write(b);
      }
    }
    out.write(END);
    return out.toByteArray();
  }
}
