package dev.hilbench.hil.flash;

import java.time.Duration;
import java.util.Locale;

/** What a write took: bytes, time, and the bytes that crossed the wire each way (SLIP included). */
public record FlashResult(int offset, int bytes, Duration elapsed, long wireBytesOut, long wireBytesIn) {

  /** esptool's summary: "Wrote 1048576 bytes at 0x00000000 in 93.2 seconds (90.0 kbit/s)." */
  public String summary() {
    double seconds = elapsed.toNanos() / 1e9;
    return String.format(Locale.ROOT, "Wrote %d bytes at 0x%08x in %.1f seconds (%.1f kbit/s).",
        bytes, offset, seconds, seconds > 0 ? bytes * 8 / seconds / 1000 : 0.0);
  }
}
