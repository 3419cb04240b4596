package dev.hilbench.hil.rom;

import java.util.Map;
import java.util.Optional;

/**
 * The value each Espressif ROM returns for a READ_REG of 0x40001000 (esptool targets/*.py), so
 * a wrong chip is named rather than just refused.
 */
public final class ChipMagic {

  public static final int REGISTER = 0x40001000;
  public static final int ESP8266 = 0xFFF0C101;

  /** esptool 2.x detected the ESP8266 by its date register; old tools still do, so it is a fallback. */
  public static final int DATE_REGISTER = 0x60000078;
  public static final int ESP8266_DATE = 0x00062000;

  private static final Map<Integer, String> OTHERS = Map.ofEntries(
      Map.entry(0x00F01D83, "ESP32"),
      Map.entry(0x000007C6, "ESP32-S2"),
      Map.entry(0x00000009, "ESP32-S3"),
      Map.entry(0x6921506F, "ESP32-C3"),
      Map.entry(0x1B31506F, "ESP32-C3"),
      Map.entry(0x4881606F, "ESP32-C3"),
      Map.entry(0x4361606F, "ESP32-C3"),
      Map.entry(0x6F51306F, "ESP32-C2"),
      Map.entry(0x7C41A06F, "ESP32-C2"),
      Map.entry(0x2CE0806F, "ESP32-C6"),
      Map.entry(0xD7B73E80, "ESP32-H2"));

  private ChipMagic() {}

  /** The name of another Espressif chip with this magic value, if it is one. */
  public static Optional<String> otherChip(int magic) {
    return Optional.ofNullable(OTHERS.get(magic));
  }
}
