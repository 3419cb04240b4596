package dev.hilbench.hil.rom;

/** What the ESP8266 ROM's error codes mean (esptool util.py and the serial-protocol docs). */
public final class RomErrors {

  public static final int BAD_MESSAGE = 0x05;
  public static final int FAILED_TO_ACT = 0x06;
  public static final int BAD_CHECKSUM = 0x07;
  public static final int FLASH_WRITE = 0x08;
  public static final int FLASH_READ = 0x09;

  private RomErrors() {}

  public static String describe(int code) {
    return switch (code) {
      case BAD_MESSAGE -> "received message is invalid";
      case FAILED_TO_ACT -> "failed to act on received message";
      case BAD_CHECKSUM -> "invalid CRC or checksum in message";
      case FLASH_WRITE -> "flash write error";
      case FLASH_READ -> "flash read error";
      case 0xC0, 0xC1, 0xC2, 0xC3, 0xC4, 0xC5, 0xC6, 0xC7, 0xC8, 0xC9 -> "flasher stub error";
      case 0xFF -> "command not implemented";
      default -> "unknown error";
    };
  }
}
