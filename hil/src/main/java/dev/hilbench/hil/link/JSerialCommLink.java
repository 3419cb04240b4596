package dev.hilbench.hil.link;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import dev.hilbench.hil.ports.OpenFailureFacts;
import dev.hilbench.hil.ports.PortOpenException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * A real serial port, or a pseudo-terminal opened by path, through jSerialComm: 8N1, no flow
 * control.
 *
 * <p>Reads use the port's semi-blocking mode, whose kernel timeout (VTIME) counts in tenths of a
 * second; the last fraction of a shorter timeout is waited out by polling, so a 100 ms SYNC
 * timeout is 100 ms and not 200.
 */
public final class JSerialCommLink implements SerialLink {

  private static final int ENOTTY = 25;
  private static final int EINVAL = 22;
  private static final int ALREADY_OPEN_HERE = 2;   // jSerialComm's code when this JVM holds the port
  private static final int VTIME_MS = 100;
  private static final long POLL_NANOS = Duration.ofMillis(2).toNanos();

  private final SerialPort port;
  private final String path;
  private volatile boolean closed;

  private JSerialCommLink(SerialPort port, String path) {
    this.port = port;
    this.path = path;
  }

  /** Opens {@code path} at {@code baud}, or explains why it cannot be opened. */
  public static JSerialCommLink open(String path, int baud) throws PortOpenException {
    boolean windowsName = path.matches("(?i)COM\\d+");
    if (!windowsName && !Files.exists(Path.of(path))) {
      throw new PortOpenException(OpenFailureFacts.gather(path, 2, false));
    }
    SerialPort port;
    try {
      port = SerialPort.getCommPort(path);
    } catch (SerialPortInvalidPortException e) {
      throw new PortOpenException(OpenFailureFacts.gather(path, 2, false));
    }
    port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
    port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
    port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, VTIME_MS, 0);
    if (!port.openPort()) {
      int code = port.getLastErrorCode();
      boolean exists = windowsName || Files.exists(Path.of(path));
      throw new PortOpenException(OpenFailureFacts.gather(path, code, exists && code == ALREADY_OPEN_HERE));
    }
    return new JSerialCommLink(port, path);
  }

  @Override
  public String name() {
    return path;
  }

  @Override
  public int read(byte[] buf, int off, int len, Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      ensureOpen();
      int available = port.bytesAvailable();
      if (available < 0) {
        throw gone();
      }
      if (available > 0) {
        return readChunk(buf, off, Math.min(len, available));
      }
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        return 0;
      }
      if (remaining >= Duration.ofMillis(VTIME_MS).toNanos()) {
        // Blocks until the first byte arrives or VTIME passes.
        int n = readChunk(buf, off, len);
        if (n > 0) {
          return n;
        }
      } else {
        LockSupport.parkNanos(Math.min(remaining, POLL_NANOS));
      }
    }
  }

  private int readChunk(byte[] buf, int off, int len) throws IOException {
    int n = port.readBytes(buf, len, off);
    if (n < 0) {
      throw gone();
    }
    return n;
  }

  @Override
  public void write(byte[] buf, int off, int len) throws IOException {
    int done = 0;
    while (done < len) {
      ensureOpen();
      int n = port.writeBytes(buf, len - done, off + done);
      if (n < 0) {
        throw gone();
      }
      done += n;
    }
  }

  @Override
  public void setDtr(boolean asserted) throws IOException {
    check(asserted ? port.setDTR() : port.clearDTR(), "DTR");
  }

  @Override
  public void setRts(boolean asserted) throws IOException {
    check(asserted ? port.setRTS() : port.clearRTS(), "RTS");
  }

  @Override
  public void setDtrRts(boolean dtr, boolean rts) throws IOException {
    check(port.setDTRandRTS(dtr, rts), "DTR and RTS");
  }

  private void check(boolean ok, String what) throws IOException {
    ensureOpen();
    if (ok) {
      return;
    }
    int code = port.getLastErrorCode();
    if (code == ENOTTY || code == EINVAL) {
      throw new LinesUnavailableException(path);
    }
    throw new IOException("cannot set " + what + " on " + path + ": system error " + code);
  }

  @Override
  public void setBaudRate(int baud) throws IOException {
    ensureOpen();
    if (!port.setBaudRate(baud)) {
      throw new IOException("cannot set " + path + " to " + baud + " baud: system error " + port.getLastErrorCode());
    }
  }

  @Override
  public int baudRate() {
    return port.getBaudRate();
  }

  /**
   * Reads and drops what is waiting. Not tcflush(TCIOFLUSH), jSerialComm's only flush, which
   * would also drop our own output still queued for the wire.
   */
  @Override
  public void discardInput() throws IOException {
    byte[] sink = new byte[4096];
    for (int i = 0; i < 1024; i++) {
      ensureOpen();
      int available = port.bytesAvailable();
      if (available < 0) {
        throw gone();
      }
      if (available == 0) {
        return;
      }
      readChunk(sink, 0, Math.min(sink.length, available));
    }
  }

  @Override
  public void drainOutput() throws IOException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (port.bytesAwaitingWrite() > 0 && System.nanoTime() < deadline) {
      ensureOpen();
      LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
    }
  }

  @Override
  public void close() {
    closed = true;
    port.closePort();
  }

  private void ensureOpen() throws LinkClosedException {
    if (closed) {
      throw new LinkClosedException(path + " was closed");
    }
  }

  private IOException gone() {
    if (closed) {
      return new LinkClosedException(path + " was closed");
    }
    return new LinkClosedException(path + " is gone (unplugged, or the virtual NodeMCU ended): system error "
        + port.getLastErrorCode());
  }
}
