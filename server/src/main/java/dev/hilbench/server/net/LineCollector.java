package dev.hilbench.server.net;

import dev.hilbench.protocol.Line;
import dev.hilbench.protocol.LineCodec;
import dev.hilbench.protocol.LineError;
import dev.hilbench.protocol.LineFramer;
import dev.hilbench.protocol.Malformed;
import java.util.List;

/**
 * Frames, then decodes: receives the lines the {@link LineFramer} cuts from one read and appends
 * them, decoded, to a list that the {@link LineProcessor} then applies in one go. Empty lines are
 * dropped here. One per thread, shared by that thread's connections.
 */
final class LineCollector implements LineFramer.Sink {

  private final List<Line> lines;
  private final int maxLineLength;

  LineCollector(List<Line> lines, int maxLineLength) {
    this.lines = lines;
    this.maxLineLength = maxLineLength;
  }

  @Override
  public void line(byte[] buf, int off, int len) {
    if (len > 0) {
      lines.add(LineCodec.decode(buf, off, len));
    }
  }

  @Override
  public void oversize(byte[] head, int off, int len) {
    lines.add(new Malformed(LineError.OVERSIZE,
        "line longer than " + maxLineLength + " bytes, skipped up to its end", LineCodec.excerpt(head, off, len)));
  }

  @Override
  public void truncated(byte[] buf, int off, int len) {
    lines.add(new Malformed(LineError.TRUNCATED,
        "the connection ended inside a line (" + len + " bytes without a newline)", LineCodec.excerpt(buf, off, len)));
  }
}
