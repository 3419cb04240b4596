package dev.hilbench.hil.virtual;

import dev.hilbench.hil.link.SerialLink;
import java.io.IOException;
import java.time.Duration;

/**
 * A link with a flaky wire: flips one bit in the n-th write of at least {@code minLength} bytes
 * (a FLASH_DATA frame), in the middle of its payload, so the ROM sees a bad checksum.
 */
final class CorruptingLink implements SerialLink {

  private final SerialLink inner;
  private final int minLength;
  private int remaining;

  CorruptingLink(SerialLink inner, int minLength, int whichLargeWrite) {
    this.inner = inner;
    this.minLength = minLength;
    this.remaining = whichLargeWrite;
  }

  @Override
  public void write(byte[] buf, int off, int len) throws IOException {
    if (len >= minLength && --remaining == 0) {
      byte[] copy = java.util.Arrays.copyOfRange(buf, off, off + len);
      int at = len / 2;
      if ((copy[at] & 0xFF) == 0xC0 || (copy[at] & 0xFF) == 0xDB || (copy[at] & 0xFF) == 0xDC
          || (copy[at] & 0xFF) == 0xDD || (copy[at - 1] & 0xFF) == 0xDB) {
        at++;   // stay clear of SLIP escapes: the frame must stay a frame
      }
      copy[at] ^= 0x01;
      inner.write(copy, 0, len);
      return;
    }
    inner.write(buf, off, len);
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public int read(byte[] buf, int off, int len, Duration timeout) throws IOException {
    return inner.read(buf, off, len, timeout);
  }

  @Override
  public void setDtr(boolean asserted) throws IOException {
    inner.setDtr(asserted);
  }

  @Override
  public void setRts(boolean asserted) throws IOException {
    inner.setRts(asserted);
  }

  @Override
  public void setDtrRts(boolean dtr, boolean rts) throws IOException {
    inner.setDtrRts(dtr, rts);
  }

  @Override
  public void setBaudRate(int baud) throws IOException {
    inner.setBaudRate(baud);
  }

  @Override
  public int baudRate() {
    return inner.baudRate();
  }

  @Override
  public void discardInput() throws IOException {
    inner.discardInput();
  }

  @Override
  public void drainOutput() throws IOException {
    inner.drainOutput();
  }

  @Override
  public void close() throws IOException {
    inner.close();
  }
}
