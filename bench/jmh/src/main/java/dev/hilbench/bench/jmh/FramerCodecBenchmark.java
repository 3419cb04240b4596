package dev.hilbench.bench.jmh;

import dev.hilbench.protocol.Line;
import dev.hilbench.protocol.LineCodec;
import dev.hilbench.protocol.LineFramer;
import dev.hilbench.protocol.Malformed;
import dev.hilbench.protocol.Reading;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The server's per-line work on one thread: the {@link LineFramer} cutting socket-sized chunks
 * into lines and the {@link LineCodec} decoding each one, as the receiver does for every read.
 * The score is lines per second (one operation = one line). {@code frameOnly} is the framer
 * alone, to tell the two costs apart.
 *
 * <p>{@code chunk} is the read size: 65536 and 16384 as a busy bulk connection delivers, 1460 (one
 * Ethernet segment's payload), or {@code line}: exactly one line per read, the fleet shape.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class FramerCodecBenchmark {

  /** Lines per invocation: big enough that a run covers many chunks, small enough for L2. */
  static final int LINES = 100_000;
  static final long SEED = 20240611L;

  @Param({"65536", "16384", "1460", "line"})
  public String chunk;

  private byte[] stream;
  private Chunks chunks;
  private LineFramer framer;
  private final DecodingSink decoding = new DecodingSink();
  private final CountingSink counting = new CountingSink();

  @Setup(Level.Trial)
  public void setUp() {
    stream = ClassroomStream.build(LINES, SEED);
    chunks = Chunks.of(stream, chunk, SEED);
    framer = new LineFramer();
  }

  @Benchmark
  @OperationsPerInvocation(LINES)
  public long frameAndDecode() {
    decoding.reset();
    feedAll(decoding);
    if (decoding.readings + decoding.malformed + decoding.control != LINES) {
      throw new IllegalStateException("lost lines: " + decoding.readings + " readings, "
          + decoding.malformed + " malformed, " + decoding.control + " control of " + LINES);
    }
    return decoding.checksum;
  }

  @Benchmark
  @OperationsPerInvocation(LINES)
  public long frameOnly() {
    counting.lines = 0;
    counting.bytes = 0;
    feedAll(counting);
    return counting.lines + counting.bytes;
  }

  private void feedAll(LineFramer.Sink sink) {
    int[] offsets = chunks.offsets(), lengths = chunks.lengths();
    for (int i = 0; i < offsets.length; i++) {
      framer.feed(stream, offsets[i], lengths[i], sink);
    }
  }

  /** Decodes every line and uses its fields, as the server's session logic does. */
  static final class DecodingSink implements LineFramer.Sink {
    long readings, malformed, control, checksum;

    void reset() {
      readings = malformed = control = checksum = 0;
    }

    @Override
    public void line(byte[] buf, int off, int len) {
      Line line = LineCodec.decode(buf, off, len);
      if (line instanceof Reading r) {
        readings++;
        checksum += r.seq() + r.millis() + (long) (r.temperature() * 10) + (long) (r.humidity() * 10);
      } else if (line instanceof Malformed m) {
        malformed++;
        checksum += m.error().ordinal();
      } else {
        control++;
      }
    }

    @Override
    public void oversize(byte[] head, int off, int len) {
      malformed++;
    }

    @Override
    public void truncated(byte[] buf, int off, int len) {
      malformed++;
    }
  }

  /** Counts lines and their bytes: the framer's cost alone. */
  static final class CountingSink implements LineFramer.Sink {
    long lines, bytes;

    @Override
    public void line(byte[] buf, int off, int len) {
      lines++;
      bytes += len;
    }

    @Override
    public void oversize(byte[] head, int off, int len) {
      lines++;
    }

    @Override
    public void truncated(byte[] buf, int off, int len) {
      lines++;
    }
  }
}
