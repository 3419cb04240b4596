package dev.hilbench.hil.image;

import java.util.Optional;

/** Flash size, the high nibble of header byte 3; and the size code a flash chip's RDID reports. */
public enum FlashSize {
  SIZE_256KB("256KB", 0x10, 256 << 10),
  SIZE_512KB("512KB", 0x00, 512 << 10),
  SIZE_1MB("1MB", 0x20, 1 << 20),
  SIZE_2MB("2MB", 0x30, 2 << 20),
  SIZE_4MB("4MB", 0x40, 4 << 20),
  SIZE_2MB_C1("2MB-c1", 0x50, 2 << 20),
  SIZE_4MB_C1("4MB-c1", 0x60, 4 << 20),
  SIZE_8MB("8MB", 0x80, 8 << 20),
  SIZE_16MB("16MB", 0x90, 16 << 20);

  private final String label;
  private final int code;
  private final int bytes;

  FlashSize(String label, int code, int bytes) {
    this.label = label;
    this.code = code;
    this.bytes = bytes;
  }

  public String label() {
    return label;
  }

  public int code() {
    return code;
  }

  public int bytes() {
    return bytes;
  }

  public static Optional<FlashSize> ofCode(int code) {
    for (FlashSize s : values()) {
      if (s.code == code) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  public static FlashSize parse(String label) {
    for (FlashSize s : values()) {
      if (s.label.equalsIgnoreCase(label)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown flash size '" + label
        + "' (256KB, 512KB, 1MB, 2MB, 4MB, 2MB-c1, 4MB-c1, 8MB, 16MB)");
  }

  /** From the third byte of a JEDEC RDID reply (0x16 = 4 MB), as esptool's DETECTED_FLASH_SIZES. */
  public static Optional<FlashSize> fromRdidSizeCode(int sizeCode) {
    return Optional.ofNullable(switch (sizeCode) {
      case 0x12 -> SIZE_256KB;
      case 0x13 -> SIZE_512KB;
      case 0x14 -> SIZE_1MB;
      case 0x15 -> SIZE_2MB;
      case 0x16 -> SIZE_4MB;
      case 0x17 -> SIZE_8MB;
      case 0x18 -> SIZE_16MB;
      default -> null;
    });
  }
}
