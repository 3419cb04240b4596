package dev.hilbench.bench.jmh;

import java.util.SplittableRandom;

/**
 * Where socket reads would cut a stream: each chunk between half the read size and the full
 * read size (a busy socket seldom fills the buffer exactly), so lines are split at arbitrary
 * places, or exactly one line per chunk, as a fleet of nodes sending one line per write gives.
 */
record Chunks(int[] offsets, int[] lengths) {

  /** {@code spec}: a read size in bytes, or {@code line} for one line per chunk. */
  static Chunks of(byte[] stream, String spec, long seed) {
    return spec.equals("line") ? perLine(stream) : random(stream, Integer.parseInt(spec), seed);
  }

  private static Chunks random(byte[] stream, int readSize, long seed) {
    if (readSize < 2) {
      throw new IllegalArgumentException("read size must be at least 2 bytes, got " + readSize);
    }
    SplittableRandom random = new SplittableRandom(seed);
    int count = 0;
    int[] offsets = new int[stream.length / (readSize / 2) + 2], lengths = new int[offsets.length];
    for (int off = 0; off < stream.length; count++) {
      int len = Math.min(stream.length - off, readSize / 2 + random.nextInt(readSize - readSize / 2 + 1));
      offsets[count] = off;
      lengths[count] = len;
      off += len;
    }
    return new Chunks(java.util.Arrays.copyOf(offsets, count), java.util.Arrays.copyOf(lengths, count));
  }

  private static Chunks perLine(byte[] stream) {
    int lines = 0;
    for (byte b : stream) {
      if (b == '\n') {
        lines++;
      }
    }
    int[] offsets = new int[lines], lengths = new int[lines];
    int start = 0, k = 0;
    for (int i = 0; i < stream.length; i++) {
      if (stream[i] == '\n') {
        offsets[k] = start;
        lengths[k++] = i + 1 - start;
        start = i + 1;
      }
    }
    return new Chunks(offsets, lengths);
  }
}
