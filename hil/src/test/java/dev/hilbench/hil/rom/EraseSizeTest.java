package dev.hilbench.hil.rom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class EraseSizeTest {

  /** The reference's examples (esptool get_erase_size). */
  @ParameterizedTest(name = "offset {0}, size {1} → {2}")
  @CsvSource({
      "0x0, 0x10000, 0x8000",
      "0x0, 0x14000, 0xA000",
      "0x3000, 0x8000, 0x4000",
  })
  void matchesTheReferenceExamples(String offset, String size, String erase) {
    assertEquals(Integer.decode(erase), EraseSize.forRom(Integer.decode(offset), Integer.decode(size)));
  }

  /**
   * Under the model of the ROM's bug (it erases {@code sent + min(sent, head)} sectors), what we
   * send always makes it erase the n or n+1 sectors the data needs: never fewer.
   */
  @Test
  void theRomEndsUpErasingWhatTheDataNeedsUnderItsBug() {
    for (int startSector = 0; startSector < 40; startSector++) {
      for (int sectors = 1; sectors <= 300; sectors++) {
        int offset = startSector * EraseSize.SECTOR;
        int size = sectors * EraseSize.SECTOR - (sectors % 3) * 100;   // also sizes not on a sector
        int sent = EraseSize.forRom(offset, size) / EraseSize.SECTOR;
        int head = Math.min(sectors, 16 - startSector % 16);
        int erased = sent + Math.min(sent, head);
        String where = "offset 0x" + Integer.toHexString(offset) + ", " + sectors + " sectors";
        assertTrue(erased == sectors || erased == sectors + 1, where + ": erased " + erased);
      }
    }
  }
}
