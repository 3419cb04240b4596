package dev.hilbench.simulator.fault;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * {@code oversize} (size, bytes): the line is padded to {@code size} bytes, beyond the server's
 * line limit (256 by default), as a sketch that forgets its terminator for a while.
 */
record Oversize(int size) implements DeviceFault {
  @Override
  public void apply(CycleOutcome cycle, SplittableRandom random) {
    byte[] line = cycle.line().getBytes(StandardCharsets.US_ASCII);
    byte[] padded = Arrays.copyOf(line, Math.max(size, line.length + 1));
    Arrays.fill(padded, line.length, padded.length, (byte) '0');
    cycle.mangle("oversize", padded);
  }
}
