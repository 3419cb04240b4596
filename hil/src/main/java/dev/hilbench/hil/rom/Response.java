package dev.hilbench.hil.rom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Optional;

/**
 * One reply from the ROM: {@code 01}, echoed opcode, length (u16), value (u32), data, then the
 * status bytes. The ESP8266 ROM sends two status bytes (status 0 = ok / 1 = failed, then an
 * error code); ESP32-family ROMs send four, which is why the status sits at the end of the data.
 */
public record Response(int opcode, int value, byte[] data, int status, int error) {

  /** Frames shorter than this, or not starting with {@code 01}, are not replies. */
  public static final int HEADER = 8;
  public static final int STATUS_BYTES = 2;

  /** Parses a frame that is a reply (direction 1, at least 8 bytes), or nothing. */
  public static Optional<Response> parse(byte[] frame) {
    if (frame.length < HEADER || frame[0] != 0x01) {
      return Optional.empty();
    }
    ByteBuffer buf = ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN);
    int opcode = frame[1] & 0xFF;
    int value = buf.getInt(4);
    byte[] body = Arrays.copyOfRange(frame, HEADER, frame.length);
    if (body.length < STATUS_BYTES) {
      // No status: a reply we cannot judge; treat it as failed with an unknown code.
      return Optional.of(new Response(opcode, value, body, 1, -1));
    }
    int status = body[body.length - STATUS_BYTES] & 0xFF;
    int error = body[body.length - STATUS_BYTES + 1] & 0xFF;
    return Optional.of(new Response(opcode, value, Arrays.copyOf(body, body.length - STATUS_BYTES), status, error));
  }

  public boolean ok() {
    return status == 0;
  }

  /** The status bytes as esptool prints them: {@code 0107}. */
  public String resultHex() {
    return error < 0 ? String.format("%02x", status) : String.format("%02x%02x", status, error);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Response r && r.opcode == opcode && r.value == value && r.status == status
        && r.error == error && Arrays.equals(r.data, data);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * opcode + value) + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return String.format("Response(%s, value=0x%08x, %d data bytes, result %s)",
        Opcode.describe(opcode), value, data.length, resultHex());
  }
}
