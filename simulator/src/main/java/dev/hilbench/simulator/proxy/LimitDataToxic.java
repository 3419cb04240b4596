package dev.hilbench.simulator.proxy;

/**
 * {@code limit_data} (bytes), as Toxiproxy's: the first {@code bytes} bytes of this direction
 * pass, then the link is closed, usually in the middle of a line. With 0 the link closes as soon
 * as bytes arrive. The close travels behind the bytes, through any toxics after this one, so
 * the receiver gets exactly {@code bytes} bytes and then the end of the stream.
 */
final class LimitDataToxic implements Toxic {

  private final long limit;
  /** Bytes passed on this link in this direction, kept across chain rebuilds. */
  private long passed;

  LimitDataToxic(long bytes) {
    this.limit = bytes;
  }

  @Override
  public void pipe(Stub stub) {
    for (Chunk c; (c = stub.take()) != null; ) {
      long room = limit - passed;
      if (c.length() < room) {
        stub.write(c);
        passed += c.length();
        continue;
      }
      if (room > 0) {
        stub.write(c.slice(0, (int) room));
        passed = limit;
      }
      stub.close();
      return;
    }
  }
}
