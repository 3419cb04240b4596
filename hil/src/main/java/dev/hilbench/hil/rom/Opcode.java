package dev.hilbench.hil.rom;

/** The ESP serial-protocol commands hilbench sends, with esptool's codes (loader.py ESP_CMDS). */
public enum Opcode {
  FLASH_BEGIN(0x02),
  FLASH_DATA(0x03),
  FLASH_END(0x04),
  MEM_BEGIN(0x05),
  MEM_END(0x06),
  MEM_DATA(0x07),
  SYNC(0x08),
  WRITE_REG(0x09),
  READ_REG(0x0A),
  GET_SECURITY_INFO(0x14);

  private final int code;

  Opcode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** Only the data commands carry a checksum of their payload in bytes 4..7. */
  public boolean hasChecksum() {
    return this == FLASH_DATA || this == MEM_DATA;
  }

  public static String describe(int code) {
    for (Opcode op : values()) {
      if (op.code == code) {
        return op.name();
      }
    }
    return String.format("0x%02x", code);
  }
}
