package dev.hilbench.protocol;

/**
 * Cuts a TCP byte stream into lines, whatever its segmentation.
 *
 * <p>A line ends at LF; one CR right before the LF belongs to the terminator (Arduino's
 * {@code println} sends CR LF). A CR anywhere else stays in the line, where the codec rejects it.
 * A line longer than {@code maxLineLength} (terminator excluded) is reported once, with its first
 * bytes, and the rest of it is skipped up to the next LF without being buffered: memory per
 * connection stays bounded whatever a peer sends.
 *
 * <p>Lines that lie whole inside one chunk are handed to the sink straight from that chunk; only
 * a line split across chunks is copied, into a buffer allocated on first need so that idle
 * connections cost nothing. Not thread-safe: one framer per connection.
 */
public final class LineFramer {

  public static final int DEFAULT_MAX_LINE_LENGTH = 256;

  /** Receives what the framer finds. The arrays are only valid during the call. */
  public interface Sink {
    /** A complete line without its terminator. */
    void line(byte[] buf, int off, int len);

    /** A line longer than the limit began; {@code head} holds its first bytes. Once per line. */
    void oversize(byte[] head, int off, int len);

    /** The stream ended inside a line; these are the bytes of that unfinished line. */
    void truncated(byte[] buf, int off, int len);
  }

  private final int maxLineLength;
  private byte[] pending;   // the start of a line split across chunks; max + 1 bytes (room for CR)
  private int pendingLength;
  private boolean discarding; // inside an oversized line: skip to the next LF

  public LineFramer() {
    this(DEFAULT_MAX_LINE_LENGTH);
  }

  public LineFramer(int maxLineLength) {
    if (maxLineLength < 1) {
      throw new IllegalArgumentException("maxLineLength must be at least 1, got " + maxLineLength);
    }
    this.maxLineLength = maxLineLength;
  }

  public int maxLineLength() {
    return maxLineLength;
  }

  /** Bytes held of a line not yet ended. */
  public int pendingBytes() {
    return pendingLength;
  }

  public void feed(byte[] chunk, Sink sink) {
    feed(chunk, 0, chunk.length, sink);
  }

  public void feed(byte[] b, int off, int len, Sink sink) {
    int end = off + len;
    int start = off;
    for (int i = off; i < end; i++) {
      if (b[i] != '\n') {
        continue;
      }
      if (discarding) {
        discarding = false;
      } else if (pendingLength == 0) {
        int lineLength = i - start;
        if (lineLength > 0 && b[i - 1] == '\r') {
          lineLength--;
        }
        if (lineLength > maxLineLength) {
          sink.oversize(b, start, maxLineLength);
        } else {
          sink.line(b, start, lineLength);
        }
      } else {
        finishPendingLine(b, start, i - start, sink);
      }
      start = i + 1;
    }
    if (start < end && !discarding) {
      keep(b, start, end - start, sink);
    }
  }

  /** The peer closed the stream: an unfinished line is reported as truncated and dropped. */
  public void endOfStream(Sink sink) {
    if (pendingLength > 0 && !discarding) {
      sink.truncated(pending, 0, pendingLength);
    }
    pendingLength = 0;
    discarding = false;
  }

  private void finishPendingLine(byte[] b, int from, int len, Sink sink) {
    int total = pendingLength + len;
    if (total > maxLineLength + 1) {
      // Cannot be a line of max bytes plus CR: too long. Report its first max bytes, as the
      // other paths do, so that the report does not depend on where the stream was split.
      if (pendingLength < maxLineLength) {
        System.arraycopy(b, from, pending, pendingLength, maxLineLength - pendingLength);
      }
      sink.oversize(pending, 0, maxLineLength);
      pendingLength = 0;
      return;
    }
    System.arraycopy(b, from, pending, pendingLength, len);
    int lineLength = total;
    if (pending[lineLength - 1] == '\r') {
      lineLength--;
    }
    pendingLength = 0;
    if (lineLength > maxLineLength) {
      sink.oversize(pending, 0, maxLineLength);
    } else {
      sink.line(pending, 0, lineLength);
    }
  }

  private void keep(byte[] b, int from, int len, Sink sink) {
    if (pending == null) {
      pending = new byte[maxLineLength + 1];
    }
    int room = pending.length - pendingLength;
    if (len <= room) {
      System.arraycopy(b, from, pending, pendingLength, len);
      pendingLength += len;
      return;
    }
    // The line outgrew the buffer before its LF: report it now and skip the rest.
    System.arraycopy(b, from, pending, pendingLength, room);
    sink.oversize(pending, 0, maxLineLength);
    pendingLength = 0;
    discarding = true;
  }
}
