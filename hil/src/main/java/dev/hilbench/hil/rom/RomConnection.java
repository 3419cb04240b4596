package dev.hilbench.hil.rom;

import dev.hilbench.hil.link.SerialLink;
import dev.hilbench.hil.slip.SlipDecoder;
import dev.hilbench.hil.slip.SlipEncoder;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;

/**
 * Commands and replies over a serial link: SLIP framing, reply matching and per-command
 * timeouts. Knows nothing about chips or flashing; {@link Esp8266Rom} builds on it.
 *
 * <p>Not thread-safe: whoever talks to the bootloader owns the link meanwhile.
 */
public final class RomConnection {

  /** esptool reads up to 100 frames looking for the reply to a command. */
  private static final int MAX_FRAMES_PER_REPLY = 100;
  /** A read blocks at most this long, so a deadline is never overshot by much. */
  private static final Duration READ_SLICE = Duration.ofMillis(100);

  private final SerialLink link;
  private final CommandTimeouts timeouts;
  private final SlipDecoder decoder = new SlipDecoder();
  private final ArrayDeque<byte[]> frames = new ArrayDeque<>();
  private final JunkLog junk = new JunkLog(512);
  private final byte[] buf = new byte[4096];
  private String slipError;
  private int readLimit = buf.length;   // 1 while awaiting the last reply: leave what follows it unread
  private long bytesWritten;
  private long bytesRead;

  private final SlipDecoder.Sink sink = new SlipDecoder.Sink() {
    @Override
    public void frame(byte[] frame) {
      frames.add(frame);
    }

    @Override
    public void junk(int b) {
      junk.add(b);
    }

    @Override
    public void error(String reason) {
      slipError = reason;
    }
  };

  public RomConnection(SerialLink link, CommandTimeouts timeouts) {
    this.link = link;
    this.timeouts = timeouts;
  }

  public SerialLink link() {
    return link;
  }

  public CommandTimeouts timeouts() {
    return timeouts;
  }

  /** Bytes outside frames seen so far (cleared when a connect starts). */
  public JunkLog junk() {
    return junk;
  }

  public long bytesWritten() {
    return bytesWritten;
  }

  public long bytesRead() {
    return bytesRead;
  }

  /** Sends a command and returns its reply, whatever its status. */
  public Response command(Command command) throws IOException, EspException {
    send(command);
    return awaitReply(command.opcode(), timeouts.forCommand(command));
  }

  /** Sends a command and insists on success; {@code what} completes "Failed to ...". */
  public Response checkCommand(String what, Command command) throws IOException, EspException {
    Response r = command(command);
    if (!r.ok()) {
      throw new EspException(String.format("Failed to %s (result was %s: %s)",
          what, r.resultHex(), RomErrors.describe(r.error())), null);
    }
    return r;
  }

  public void send(Command command) throws IOException {
    byte[] frame = SlipEncoder.encode(command.toPacket());
    slipError = null;
    link.write(frame);
    bytesWritten += frame.length;
  }

  /** The next reply to {@code opcode}, skipping other frames as esptool does. */
  public Response awaitReply(Opcode opcode, Duration timeout) throws IOException, EspException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (int i = 0; i < MAX_FRAMES_PER_REPLY; i++) {
      Optional<Response> reply = Response.parse(nextFrame(deadline));
      if (reply.isPresent() && reply.get().opcode() == opcode.code()) {
        return reply.get();
      }
    }
    throw new EspException("Response to " + opcode + " doesn't match any of " + MAX_FRAMES_PER_REPLY
        + " frames received", Hints.NOISE);
  }

  /**
   * The reply to the command that makes the chip leave the bootloader, read a byte at a time so
   * that nothing after it is consumed: what the chip prints as it boots stays on the link for the
   * console.
   */
  public Response awaitLastReply(Opcode opcode, Duration timeout) throws IOException, EspException {
    readLimit = 1;
    try {
      return awaitReply(opcode, timeout);
    } finally {
      readLimit = buf.length;
    }
  }

  /** The next complete frame, or a timeout naming whether a frame had started. */
  public byte[] nextFrame(long deadlineNanos) throws IOException, EspException {
    while (true) {
      if (slipError != null) {   // a corrupted frame was the reply we were waiting for
        String reason = slipError;
        slipError = null;
        throw new EspException(reason, Hints.NOISE);
      }
      if (!frames.isEmpty()) {
        return frames.poll();
      }
      long remaining = deadlineNanos - System.nanoTime();
      if (remaining <= 0) {
        throw new RomTimeoutException(decoder.inFrame()
            ? "Timed out waiting for packet content" : "Timed out waiting for packet header",
            Hints.NOT_IN_BOOTLOADER);
      }
      Duration wait = Duration.ofNanos(Math.min(remaining, READ_SLICE.toNanos()));
      int n = link.read(buf, 0, readLimit, wait);
      if (n > 0) {
        bytesRead += n;
        decoder.feed(buf, 0, n, sink);
      }
    }
  }

  /**
   * Drops anything received and not yet used: stale replies, half frames, boot noise. What is
   * waiting is read first so that text outside frames (a boot message, an application's log)
   * still reaches the junk log for the diagnosis of a failed connect.
   */
  public void discardInput() throws IOException {
    SlipDecoder.Sink discarding = new SlipDecoder.Sink() {
      @Override
      public void frame(byte[] frame) {}

      @Override
      public void junk(int b) {
        junk.add(b);
      }

      @Override
      public void error(String reason) {}
    };
    for (int i = 0; i < 64; i++) {
      int n = link.read(buf, 0, buf.length, Duration.ZERO);
      if (n <= 0) {
        break;
      }
      bytesRead += n;
      decoder.feed(buf, 0, n, discarding);
    }
    link.discardInput();
    decoder.reset();
    frames.clear();
    slipError = null;
  }

  public int readReg(int address) throws IOException, EspException {
    return checkCommand(String.format("read register 0x%08x", address), Command.readReg(address)).value();
  }

  public void writeReg(int address, int value) throws IOException, EspException {
    checkCommand(String.format("write register 0x%08x", address), Command.writeReg(address, value));
  }
}
