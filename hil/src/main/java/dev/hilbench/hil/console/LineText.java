package dev.hilbench.hil.console;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a line's bytes into safe text: UTF-8 when it is UTF-8, and every control character or
 * undecodable byte as {@code \xNN}, so boot noise at 74880 baud shows up as what it is without
 * upsetting a terminal or a regex.
 */
final class LineText {

  private LineText() {}

  static String decode(byte[] b, int off, int len) {
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    String text;
    try {
      text = utf8.decode(ByteBuffer.wrap(b, off, len)).toString();
    } catch (CharacterCodingException e) {
      StringBuilder s = new StringBuilder(len);
      for (int i = off; i < off + len; i++) {
        int c = b[i] & 0xFF;
        s.append(c < 0x80 ? Character.toString(c) : String.format("\\x%02x", c));
      }
      text = s.toString();
    }
    return escapeControls(text);
  }

  private static String escapeControls(String text) {
    StringBuilder s = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control = (c < 0x20 && c != '\t') || c == 0x7F;
      if (control && s == null) {
        s = new StringBuilder(text.length() + 8).append(text, 0, i);
      }
      if (s != null) {
        if (control) {
          s.append(String.format("\\x%02x", (int) c));
        } else {
          s.append(c);
        }
      }
    }
    return s == null ? text : s.toString();
  }
}
