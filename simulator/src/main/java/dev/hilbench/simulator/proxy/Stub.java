package dev.hilbench.simulator.proxy;

/**
 * What a {@link Toxic} sees of its place in a chain: an input, an output and a clock, as
 * Toxiproxy's {@code ToxicStub}. Every wait here is cut short when the chain is rebuilt or the
 * link closes; see {@link Toxic} for the contract.
 */
final class Stub {

  /** A deadline that never comes. */
  static final long NEVER = Long.MAX_VALUE;

  private final Pipeline pipeline;
  private final ChunkQueue in;
  private final ChunkQueue out;
  private final String toxicName;

  Stub(Pipeline pipeline, ChunkQueue in, ChunkQueue out, String toxicName) {
    this.pipeline = pipeline;
    this.in = in;
    this.out = out;
    this.toxicName = toxicName;
  }

  /** The next chunk; null when the input has ended or the toxic must stop. */
  Chunk take() {
    return pipeline.take(in, NEVER);
  }

  /** The next chunk; null when the input has ended, the toxic must stop, or the deadline ({@link System#nanoTime()}) passed. */
  Chunk poll(long deadlineNanos) {
    return pipeline.take(in, deadlineNanos);
  }

  /** Whether the toxic must return now: the chain is being rebuilt or the link closed. */
  boolean stopping() {
    return pipeline.stopping();
  }

  /** How the input ended, once every chunk before the end has been taken; null until then. */
  End inputEnd() {
    return pipeline.endOf(in);
  }

  /** Passes a chunk on; waits while the next stage is full. */
  void write(Chunk chunk) {
    pipeline.put(out, chunk);
  }

  /** Waits until {@code deadlineNanos}; false if cut short because the toxic must stop. */
  boolean sleepUntil(long deadlineNanos) {
    return pipeline.sleepUntil(deadlineNanos);
  }

  /** Passes the input's end on now (normally done when {@code pipe} returns). */
  void passEnd() {
    pipeline.passEnd(in, out);
  }

  /** Closes the link once the bytes already written here have gone out. Then return. */
  void close() {
    pipeline.end(out, End.CLOSE, "closed by " + toxicName);
  }

  /** Resets the link once the bytes already written here have gone out: RST to both peers. Then return. */
  void resetAfterWritten() {
    pipeline.end(out, End.RESET, "reset by " + toxicName);
  }

  /** Resets the link now: RST to both peers; bytes not yet delivered are lost, as with a real RST. Then return. */
  void reset() {
    pipeline.reset("reset by " + toxicName);
  }
}
