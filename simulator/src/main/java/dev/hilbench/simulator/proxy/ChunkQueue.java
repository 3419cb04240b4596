package dev.hilbench.simulator.proxy;

import java.util.ArrayDeque;

/**
 * The chunks between two stages of a {@link Pipeline}, bounded in bytes, with the way the
 * stream ended behind them. Not thread-safe: the pipeline's lock guards it.
 */
final class ChunkQueue {

  private final ArrayDeque<Chunk> chunks = new ArrayDeque<>();
  private final long capacityBytes;
  private long bytes;
  private End end;
  private String endReason;

  ChunkQueue(long capacityBytes) {
    this.capacityBytes = capacityBytes;
  }

  boolean full() {
    return bytes >= capacityBytes;
  }

  boolean isEmpty() {
    return chunks.isEmpty();
  }

  /** Queues a chunk; once the stream has ended, chunks are dropped (the link is closing). */
  void add(Chunk c) {
    if (end == null) {
      chunks.addLast(c);
      bytes += c.length();
    }
  }

  Chunk poll() {
    Chunk c = chunks.pollFirst();
    if (c != null) {
      bytes -= c.length();
    }
    return c;
  }

  /** Marks the end of the stream; the first end wins. */
  void end(End how, String reason) {
    if (end == null) {
      end = how;
      endReason = reason;
    }
  }

  boolean ended() {
    return end != null;
  }

  /** The end, once every chunk before it has been taken; null until then. */
  End drainedEnd() {
    return chunks.isEmpty() ? end : null;
  }

  End end() {
    return end;
  }

  String endReason() {
    return endReason;
  }

  /** Moves every chunk of {@code from} behind this queue's, leaving {@code from} empty. */
  void takeAll(ChunkQueue from) {
    for (Chunk c; (c = from.poll()) != null; ) {
      add(c);
    }
  }
}
