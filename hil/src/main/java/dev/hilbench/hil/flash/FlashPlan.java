package dev.hilbench.hil.flash;

import dev.hilbench.hil.image.FlashParams;
import dev.hilbench.hil.image.HeaderPatch;
import dev.hilbench.hil.rom.EraseSize;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The bytes to send and where, prepared as esptool prepares them for the ROM: flash parameters
 * patched into the header at offset 0, padded with 0xFF to 4 bytes, and an offset inside a sector
 * moved down to the sector start with 0xFF in front (the ROM writes whole erased sectors).
 *
 * @param notes what was changed, for the user ("Flash params set to 0x0240.")
 */
public record FlashPlan(int offset, byte[] data, int fileLength, List<String> notes) {

  public FlashPlan {
    notes = List.copyOf(notes);
  }

  public static FlashPlan prepare(byte[] file, int offset, FlashParams params) {
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative: " + offset);
    }
    List<String> notes = new ArrayList<>();
    byte[] data = file;
    if (offset == 0) {
      HeaderPatch.Result patched = HeaderPatch.apply(file, params);
      data = patched.image();
      patched.note().ifPresent(notes::add);
    }
    int padded = (data.length + 3) & ~3;
    if (padded != data.length) {
      int from = data.length;
      data = Arrays.copyOf(data, padded);
      Arrays.fill(data, from, padded, (byte) 0xFF);
    }
    int misalignment = offset % EraseSize.SECTOR;
    if (misalignment != 0) {
      byte[] shifted = new byte[misalignment + data.length];
      Arrays.fill(shifted, 0, misalignment, (byte) 0xFF);
      System.arraycopy(data, 0, shifted, misalignment, data.length);
      notes.add(String.format("Offset 0x%x is inside a flash sector: writing from 0x%x with 0x%x bytes of 0xFF"
          + " in front (that part of the sector is erased).", offset, offset - misalignment, misalignment));
      data = shifted;
      offset -= misalignment;
    }
    return new FlashPlan(offset, data, file.length, notes);
  }

  public int blocks(int blockSize) {
    return (data.length + blockSize - 1) / blockSize;
  }
}
