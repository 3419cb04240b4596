package dev.hilbench.hil.flash;

import dev.hilbench.hil.image.FirmwareImage;
import dev.hilbench.hil.image.ImageException;
import java.util.Optional;

/**
 * What must hold before anything is written: at offset 0 the ROM boots the file, so it must be a
 * valid image (header, segments, checksum). Elsewhere the data is the user's business (an irom0
 * part, a file system), checked only if it claims to be an image by its first byte.
 */
public final class ImageCheck {

  private ImageCheck() {}

  public static Optional<FirmwareImage> check(byte[] file, int offset, String name) throws ImageException {
    if (file.length == 0) {
      throw new ImageException(name + " is empty");
    }
    if (offset != 0 && (file[0] & 0xFF) != FirmwareImage.MAGIC) {
      return Optional.empty();
    }
    try {
      return Optional.of(FirmwareImage.parse(file));
    } catch (ImageException e) {
      throw new ImageException(name + " is not a valid ESP8266 image: " + e.getMessage()
          + ". Nothing was written (--force writes it anyway).");
    }
  }
}
