package dev.hilbench.hil;

import java.util.HexFormat;

/** Hex strings with spaces, as the reference writes its byte vectors. */
public final class Hex {

  private Hex() {}

  public static byte[] bytes(String hex) {
    return HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
  }

  public static String of(byte[] bytes) {
    return HexFormat.ofDelimiter(" ").formatHex(bytes);
  }
}
