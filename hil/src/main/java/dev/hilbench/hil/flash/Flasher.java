package dev.hilbench.hil.flash;

import dev.hilbench.hil.rom.Esp8266Rom;
import dev.hilbench.hil.rom.EspException;
import dev.hilbench.hil.rom.RomConnection;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;

/**
 * Writes a prepared plan through the ROM: FLASH_BEGIN (erase), then one FLASH_DATA per 1 KiB
 * block, the last padded with 0xFF (the checksum covers the padding). No FLASH_END: like esptool,
 * leaving the loader is the caller's {@code --after} choice.
 */
public final class Flasher {

  /** Told after each block; called on the flashing thread. */
  @FunctionalInterface
  public interface Progress {
    void written(int bytesDone, int bytesTotal);

    Progress NONE = (done, total) -> {};
  }

  private Flasher() {}

  public static FlashResult write(Esp8266Rom chip, FlashPlan plan, Progress progress) throws IOException, EspException {
    RomConnection rom = chip.connection();
    long outBefore = rom.bytesWritten();
    long inBefore = rom.bytesRead();
    long start = System.nanoTime();
    byte[] data = plan.data();
    int blockSize = Esp8266Rom.FLASH_BLOCK;
    chip.flashBegin(data.length, plan.offset());
    progress.written(0, data.length);
    for (int seq = 0; seq < plan.blocks(blockSize); seq++) {
      int from = seq * blockSize;
      byte[] block = Arrays.copyOfRange(data, from, from + blockSize);   // pads past the end with zeros...
      int real = Math.min(blockSize, data.length - from);
      Arrays.fill(block, real, blockSize, (byte) 0xFF);                   // ...replaced by erased-flash 0xFF
      chip.flashBlock(seq, block);
      progress.written(from + real, data.length);
    }
    return new FlashResult(plan.offset(), data.length, Duration.ofNanos(System.nanoTime() - start),
        rom.bytesWritten() - outBefore, rom.bytesRead() - inBefore);
  }
}
