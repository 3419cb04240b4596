package dev.hilbench.hil.slip;

import static dev.hilbench.hil.slip.SlipEncoder.END;
import static dev.hilbench.hil.slip.SlipEncoder.ESC;
import static dev.hilbench.hil.slip.SlipEncoder.ESC_END;
import static dev.hilbench.hil.slip.SlipEncoder.ESC_ESC;

import java.io.ByteArrayOutputStream;

/**
 * Cuts a byte stream into SLIP frames, whatever its segmentation: a state machine fed chunk by
 * chunk.
 *
 * <p>Bytes outside a frame (boot noise, an application's log) are handed to the sink as junk, so
 * a caller can say what it saw instead of failing on the first stray byte as esptool does
 * ("Invalid head of packet"). Two {@code C0} in a row are an end and a start: an empty frame is
 * never reported, which also resynchronises a decoder that started listening mid-frame. A
 * {@code DB} followed by anything but {@code DC}/{@code DD}, or a frame longer than the limit, is
 * reported as an error and the frame is dropped up to the next {@code C0}.
 */
public final class SlipDecoder {

  /** Large enough for any ROM reply and for a 16 KiB stub block with room to spare. */
  public static final int DEFAULT_MAX_FRAME = 0x10000;

  /** Receives what the decoder finds. */
  public interface Sink {
    void frame(byte[] frame);

    /** A byte outside any frame. */
    default void junk(int b) {}

    /** The frame being received was malformed and is dropped; {@code reason} says how. */
    void error(String reason);
  }

  private enum State {
    OUTSIDE,   // between frames: anything but C0 is junk
    INSIDE,    // collecting a frame's bytes
    ESCAPED,   // right after DB inside a frame
    SKIPPING,  // a broken frame: drop everything up to its closing C0
  }

  private final int maxFrame;
  private final ByteArrayOutputStream frame = new ByteArrayOutputStream();
  private State state = State.OUTSIDE;

  public SlipDecoder() {
    this(DEFAULT_MAX_FRAME);
  }

  public SlipDecoder(int maxFrame) {
    if (maxFrame < 1) {
      throw new IllegalArgumentException("maxFrame must be at least 1, got " + maxFrame);
    }
    this.maxFrame = maxFrame;
  }

  /** True once a frame has started and not yet ended ("waiting for packet content"). */
  public boolean inFrame() {
    return state != State.OUTSIDE;
  }

  /** Forgets any partial frame, as after discarding the port's input. */
  public void reset() {
    frame.reset();
    state = State.OUTSIDE;
  }

  public void feed(byte[] b, Sink sink) {
    feed(b, 0, b.length, sink);
  }

  public void feed(byte[] b, int off, int len, Sink sink) {
    for (int i = off; i < off + len; i++) {
      step(b[i] & 0xFF, sink);
    }
  }

  private void step(int b, Sink sink) {
    switch (state) {
      case OUTSIDE -> {
        if (b == END) {
          state = State.INSIDE;
        } else {
          sink.junk(b);
        }
      }
      case INSIDE -> {
        if (b == END) {
          if (frame.size() > 0) {   // an empty frame is a start right after an end
            byte[] done = frame.toByteArray();
            frame.reset();
            state = State.OUTSIDE;
            sink.frame(done);
          }
        } else if (b == ESC) {
          state = State.ESCAPED;
        } else {
          append(b, sink);
        }
      }
      case ESCAPED -> {
        if (b == ESC_END) {
          state = State.INSIDE;
          append(END, sink);
        } else if (b == ESC_ESC) {
          state = State.INSIDE;
          append(ESC, sink);
        } else {
          fail(String.format("Invalid SLIP escape (0xdb, 0x%02x)", b), b == END, sink);
        }
      }
      case SKIPPING -> {
        if (b == END) {
          state = State.OUTSIDE;
        }
      }
    }
  }

  private void append(int b, Sink sink) {
    if (frame.size() >= maxFrame) {
      fail("SLIP frame longer than " + maxFrame + " bytes", false, sink);
      return;
    }
    frame.write(b);
  }

  private void fail(String reason, boolean atEnd, Sink sink) {
    frame.reset();
    state = atEnd ? State.OUTSIDE : State.SKIPPING;
    sink.error(reason);
  }
}
