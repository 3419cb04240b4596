package dev.hilbench.simulator.fault;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * {@code binary}: one byte of the line is replaced by a byte that is not printable ASCII (line
 * noise, a baud mismatch, UTF-8). Never LF, which would cut the line in two instead.
 */
final class Binary implements DeviceFault {

  private static final byte[] GARBAGE = {0x00, 0x07, 0x1B, (byte) 0x80, (byte) 0xC3, (byte) 0xFF, 0x7F};

  @Override
  public void apply(CycleOutcome cycle, SplittableRandom random) {
    byte[] bytes = cycle.line().getBytes(StandardCharsets.US_ASCII);
    bytes[random.nextInt(bytes.length)] = GARBAGE[random.nextInt(GARBAGE.length)];
    cycle.mangle("binary", bytes);
  }
}
