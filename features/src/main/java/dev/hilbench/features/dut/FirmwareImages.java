package dev.hilbench.features.dut;

import dev.hilbench.features.run.RunSettings;
import dev.hilbench.hil.image.FirmwareImage;
import dev.hilbench.hil.image.ImageException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The firmware image a run tests, and what a scenario needs to know about it. */
public final class FirmwareImages {

  /** The version record every hilbench image carries: {@code HILBENCH-FW:<version>}. */
  public static final String RECORD = "HILBENCH-FW:";
  /** What the firmware build leaves for the virtual target's flash scenarios. */
  public static final String TEST_IMAGE = "test-image.bin";

  private FirmwareImages() {}

  /** The real board's image ({@code --image}), or the firmware build's test image. */
  public static Path underTest(RunSettings run) throws IOException {
    Path image = run.image().orElseGet(() -> run.firmwareBuildFile(TEST_IMAGE));
    if (!Files.isRegularFile(image)) {
      throw new FileNotFoundException("the firmware image " + image + " does not exist"
          + (run.image().isEmpty() ? " (the firmware build makes it: ./mvnw -pl firmware verify)" : ""));
    }
    return image;
  }

  /** The version in the image's record: the characters after {@value #RECORD} up to the first non-printable. */
  public static String version(Path image) throws IOException {
    return version(Files.readAllBytes(image), image.toString());
  }

  static String version(byte[] bytes, String name) throws IOException {
    byte[] marker = RECORD.getBytes(StandardCharsets.US_ASCII);
    outer:
    for (int i = 0; i + marker.length <= bytes.length; i++) {
      for (int j = 0; j < marker.length; j++) {
        if (bytes[i + j] != marker[j]) {
          continue outer;
        }
      }
      int from = i + marker.length;
      int to = from;
      while (to < bytes.length && bytes[to] > 0x20 && bytes[to] < 0x7F) {
        to++;
      }
      if (to > from) {
        return new String(bytes, from, to - from, StandardCharsets.US_ASCII);
      }
    }
    throw new IOException(name + " carries no version record (" + RECORD + "<version>)");
  }

  /** A copy of the image whose checksum byte no longer matches its segments. */
  public static Path withBrokenChecksum(Path image, Path copy) throws IOException {
    byte[] bytes = Files.readAllBytes(image);
    try {
      int at = FirmwareImage.parse(bytes).checksumOffset();
      bytes[at] ^= 0x5A;
    } catch (ImageException e) {
      throw new IOException(image + " is not a valid image to begin with: " + e.getMessage(), e);
    }
    return Files.write(copy, bytes);
  }
}
