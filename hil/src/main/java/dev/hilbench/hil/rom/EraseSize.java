package dev.hilbench.hil.rom;

/**
 * The erase size to put in FLASH_BEGIN for the ESP8266 ROM, whose SPIEraseArea erases about twice
 * what it is told within the first 64 KiB block (esptool 0e67846, "workaround for bug in
 * SPIEraseArea"). Sending this smaller figure makes the ROM erase the n or n+1 sectors wanted.
 * Stubs take the real size; hilbench talks to the ROM only.
 */
public final class EraseSize {

  public static final int SECTOR = 0x1000;
  public static final int SECTORS_PER_BLOCK = 16;

  private EraseSize() {}

  public static int forRom(int offset, int size) {
    int sectors = (size + SECTOR - 1) / SECTOR;
    int head = SECTORS_PER_BLOCK - (offset / SECTOR) % SECTORS_PER_BLOCK;   // sectors to the 64 KiB boundary
    if (sectors < head) {
      head = sectors;
    }
    if (sectors < 2 * head) {
      return (sectors + 1) / 2 * SECTOR;
    }
    return (sectors - head) * SECTOR;
  }
}
