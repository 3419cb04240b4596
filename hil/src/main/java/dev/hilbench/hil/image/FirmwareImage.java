package dev.hilbench.hil.image;

import dev.hilbench.hil.rom.Checksum;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An ESP8266 "v1" firmware image as the ROM boots it from flash offset 0: an 8-byte header
 * ({@code E9}, segment count, flash mode, size/frequency, entry point), the segments (address,
 * length, data), zero padding up to a position ≡ 15 (mod 16), and a checksum byte: 0xEF XOR all
 * segment data. The header is outside the checksum, so patching its flash fields keeps it valid.
 * Bytes after the checksum (an irom0 segment placed further on, say) are allowed.
 */
public record FirmwareImage(
    int segmentCount, int flashModeByte, int sizeFreqByte, int entry, List<Segment> segments,
    int checksum, int checksumOffset) {

  public static final int MAGIC = 0xE9;
  public static final int HEADER = 8;
  public static final int MAX_SEGMENTS = 16;

  public FirmwareImage {
    segments = List.copyOf(segments);
  }

  /** Checks the structure and the checksum; the message of a failure names the byte at fault. */
  public static FirmwareImage parse(byte[] file) throws ImageException {
    if (file.length < HEADER) {
      throw new ImageException("too short for an image header: " + file.length + " bytes, need 8");
    }
    int magic = file[0] & 0xFF;
    if (magic != MAGIC) {
      throw new ImageException(String.format(
          "does not start with the ESP8266 image magic 0xE9 (byte 0 is 0x%02X)%s", magic,
          magic == 0xEA ? ": a 'v2' image (0xEA), which the SDK bootloader loads, not the ROM" : ""));
    }
    ByteBuffer buf = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    int count = file[1] & 0xFF;
    if (count < 1 || count > MAX_SEGMENTS) {
      throw new ImageException("byte 1 claims " + count + " segments; the ROM loads 1 to " + MAX_SEGMENTS);
    }
    int pos = HEADER;
    int checksum = Checksum.SEED;
    List<Segment> segments = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      if (pos + 8 > file.length) {
        throw new ImageException(String.format("segment %d of %d: its header at offset 0x%x is past the end"
            + " of the file (%d bytes)", i + 1, count, pos, file.length));
      }
      int address = buf.getInt(pos);
      long length = Integer.toUnsignedLong(buf.getInt(pos + 4));
      int data = pos + 8;
      if (length > file.length - data) {
        throw new ImageException(String.format("segment %d of %d (load address 0x%08x) at offset 0x%x claims"
            + " 0x%x bytes but only 0x%x remain", i + 1, count, address, pos, length, file.length - data));
      }
      if (length % 4 != 0) {
        throw new ImageException(String.format("segment %d of %d (load address 0x%08x) at offset 0x%x is 0x%x"
            + " bytes long, not a multiple of 4", i + 1, count, address, pos, length));
      }
      segments.add(new Segment(address, (int) length, data));
      checksum = Checksum.update(checksum, file, data, (int) length);
      pos = data + (int) length;
    }
    int checksumOffset = pos + (15 - pos % 16);
    if (checksumOffset >= file.length) {
      throw new ImageException(String.format("the image ends before its checksum byte at offset 0x%x"
          + " (the file has %d bytes)", checksumOffset, file.length));
    }
    int stored = file[checksumOffset] & 0xFF;
    if (stored != checksum) {
      throw new ImageException(String.format("checksum mismatch: byte 0x%x says 0x%02x, the segments give"
          + " 0x%02x (the ROM would print `csum err` and not boot)", checksumOffset, stored, checksum));
    }
    return new FirmwareImage(count, file[2] & 0xFF, file[3] & 0xFF, buf.getInt(4), segments, stored, checksumOffset);
  }

  public Optional<FlashMode> flashMode() {
    return FlashMode.ofCode(flashModeByte);
  }

  public Optional<FlashSize> flashSize() {
    return FlashSize.ofCode(sizeFreqByte & 0xF0);
  }

  public Optional<FlashFreq> flashFreq() {
    return FlashFreq.ofCode(sizeFreqByte & 0x0F);
  }

  /** The image's length up to and including its checksum byte. */
  public int length() {
    return checksumOffset + 1;
  }

  /** "dio, 4MB, 40m, entry 0x40100000, 3 segments" */
  public String describe() {
    return String.format("%s, %s, %s, entry 0x%08x, %d segment%s",
        flashMode().map(FlashMode::label).orElse(String.format("mode 0x%02x", flashModeByte)),
        flashSize().map(FlashSize::label).orElse(String.format("size 0x%x", sizeFreqByte >> 4)),
        flashFreq().map(FlashFreq::label).orElse(String.format("freq 0x%x", sizeFreqByte & 0xF)),
        entry, segmentCount, segmentCount == 1 ? "" : "s");
  }
}
