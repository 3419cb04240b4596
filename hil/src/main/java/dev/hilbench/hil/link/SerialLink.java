package dev.hilbench.hil.link;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;

/**
 * A byte pipe to a board with its modem lines: a USB-serial port, a pseudo-terminal, or a
 * recorded session. Everything above (reset, flasher, console) talks to this and nothing else,
 * so hardware-only paths run in tests against a replayed or virtual board.
 *
 * <p>One reader at a time: the console and the flasher take turns (the console pauses while the
 * flasher owns the link). Writes may come from any thread.
 */
public interface SerialLink extends ModemLines, Closeable {

  /** The port's path or a descriptive name, for messages. */
  String name();

  /**
   * Reads what is available, waiting up to {@code timeout} for the first byte.
   *
   * @return the number of bytes read, 0 if nothing arrived in time
   * @throws LinkClosedException if the port is gone
   */
  int read(byte[] buf, int off, int len, Duration timeout) throws IOException;

  void write(byte[] buf, int off, int len) throws IOException;

  default void write(byte[] buf) throws IOException {
    write(buf, 0, buf.length);
  }

  void setBaudRate(int baud) throws IOException;

  int baudRate();

  /** Throws away what was received and not yet read (pyserial's {@code reset_input_buffer}). */
  void discardInput() throws IOException;

  /** Waits until everything written has left (tcdrain). */
  void drainOutput() throws IOException;

  @Override
  void close() throws IOException;
}
