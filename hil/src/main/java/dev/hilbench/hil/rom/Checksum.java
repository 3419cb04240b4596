package dev.hilbench.hil.rom;

/**
 * The ROM's data checksum: 0xEF XORed with every byte. Used for FLASH_DATA/MEM_DATA payloads
 * (over the data after their 16-byte sub-header) and for the last byte of a firmware image.
 */
public final class Checksum {

  public static final int SEED = 0xEF;

  private Checksum() {}

  public static int of(byte[] data) {
    return of(data, 0, data.length);
  }

  public static int of(byte[] data, int off, int len) {
    return update(SEED, data, off, len);
  }

  public static int update(int checksum, byte[] data, int off, int len) {
    int c = checksum;
    for (int i = off; i < off + len; i++) {
      c ^= data[i] & 0xFF;
    }
    return c & 0xFF;
  }
}
