package dev.hilbench.simulator.proxy;

/**
 * {@code bandwidth} (rate KB/s, 1 KB = 1000 bytes as in Toxiproxy): bytes leave no faster than
 * the rate. Each byte is given its slot on a virtual wire and is passed on at the end of it, so
 * N bytes take at least N / rate from the first one's arrival. Large chunks go out in pieces of
 * 100 ms worth, as Toxiproxy's do, so a slow link trickles instead of stalling.
 */
final class BandwidthToxic implements Toxic {

  private static final long PIECE_NANOS = 100_000_000L;

  private final long bytesPerSecond;
  private final int pieceBytes;
  /** When the virtual wire is free again; kept across chain rebuilds so the rate holds. */
  private long wireFreeNanos = Long.MIN_VALUE;

  BandwidthToxic(long rateKbPerSecond) {
    this.bytesPerSecond = rateKbPerSecond * 1000L;
    this.pieceBytes = Math.clamp(bytesPerSecond * PIECE_NANOS / 1_000_000_000L, 1, 1 << 20);
  }

  @Override
  public void pipe(Stub stub) {
    for (Chunk c; (c = stub.take()) != null; ) {
      for (int offset = 0; offset < c.length(); offset += pieceBytes) {
        Chunk piece = c.slice(offset, Math.min(pieceBytes, c.length() - offset));
        long start = wireFreeNanos == Long.MIN_VALUE ? c.arrivedNanos() : Math.max(wireFreeNanos, c.arrivedNanos());
        wireFreeNanos = start + piece.length() * 1_000_000_000L / bytesPerSecond;
        stub.sleepUntil(wireFreeNanos);
        stub.write(piece);
      }
    }
  }
}
