package dev.hilbench.simulator.proxy;

import java.util.SplittableRandom;

/**
 * {@code slicer} (average_size, size_variation, delay µs), as Toxiproxy's: every chunk is cut
 * into pieces of {@code average_size ± size_variation} bytes written {@code delay} µs apart, so
 * the receiver gets partial lines. Toxiproxy halves chunks recursively; cutting from the front
 * gives the same size bounds and is easier to reason about.
 */
final class SlicerToxic implements Toxic {

  private final int averageSize;
  private final int sizeVariation;
  private final long delayNanos;
  private final SplittableRandom random;

  SlicerToxic(int averageSize, int sizeVariation, long delayMicros, SplittableRandom random) {
    this.averageSize = averageSize;
    this.sizeVariation = sizeVariation;
    this.delayNanos = delayMicros * 1_000L;
    this.random = random;
  }

  @Override
  public void pipe(Stub stub) {
    for (Chunk c; (c = stub.take()) != null; ) {
      for (int offset = 0; offset < c.length(); ) {
        int size = Math.min(c.length() - offset, nextSize());
        stub.write(c.slice(offset, size));
        offset += size;
        // A pause after every piece, the last one too, so the next chunk's first piece does not
        // join this one's last on the wire.
        stub.sleepUntil(System.nanoTime() + delayNanos);
      }
    }
  }

  private int nextSize() {
    int variation = sizeVariation == 0 ? 0 : random.nextInt(-sizeVariation, sizeVariation + 1);
    return Math.max(1, averageSize + variation);
  }
}
