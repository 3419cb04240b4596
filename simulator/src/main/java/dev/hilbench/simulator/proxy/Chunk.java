package dev.hilbench.simulator.proxy;

/**
 * Bytes read from one socket in one read, with the time they arrived. Toxics pass chunks on,
 * cut them ({@code slicer}, {@code limit_data}) or hold them back ({@code latency}); the arrival
 * time lets a delay count from when the bytes reached the proxy, not from when a toxic got to
 * them.
 *
 * @param data         the bytes; never changed once read
 * @param arrivedNanos {@link System#nanoTime()} when they were read
 */
record Chunk(byte[] data, long arrivedNanos) {

  int length() {
    return data.length;
  }

  /** {@code length} bytes from {@code offset}, with the same arrival time. */
  Chunk slice(int offset, int length) {
    if (offset == 0 && length == data.length) {
      return this;
    }
    byte[] part = new byte[length];
    System.arraycopy(data, offset, part, 0, length);
    return new Chunk(part, arrivedNanos);
  }
}
