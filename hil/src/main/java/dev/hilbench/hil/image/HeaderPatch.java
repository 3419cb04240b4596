package dev.hilbench.hil.image;

import java.util.Arrays;
import java.util.Optional;

/**
 * Sets flash mode, size and frequency in the header of an image written at offset 0, as esptool
 * does: only bytes 2 and 3 change, and only for a file that parses as an image.
 */
public final class HeaderPatch {

  /** The bytes to write and, when the header changed, esptool's note "Flash params set to 0x0240". */
  public record Result(byte[] image, Optional<String> note) {}

  private HeaderPatch() {}

  public static Result apply(byte[] image, FlashParams params) {
    if (params.keepsAll() || image.length < FirmwareImage.HEADER) {
      return new Result(image, Optional.empty());
    }
    try {
      FirmwareImage.parse(image);
    } catch (ImageException e) {
      return new Result(image, Optional.of("Warning: the file at 0x0 is not a valid ESP8266 image ("
          + e.getMessage() + "), so the flash settings were not changed."));
    }
    int mode = params.mode().map(FlashMode::code).orElse(image[2] & 0xFF);
    int size = params.size().map(FlashSize::code).orElse(image[3] & 0xF0);
    int freq = params.freq().map(FlashFreq::code).orElse(image[3] & 0x0F);
    byte[] patched = Arrays.copyOf(image, image.length);
    patched[2] = (byte) mode;
    patched[3] = (byte) (size | freq);
    if (patched[2] == image[2] && patched[3] == image[3]) {
      return new Result(image, Optional.empty());
    }
    return new Result(patched, Optional.of(String.format("Flash params set to 0x%02x%02x.", mode, size | freq)));
  }
}
