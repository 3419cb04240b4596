package dev.hilbench.features.dut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.hil.image.FirmwareImage;
import dev.hilbench.hil.image.ImageBuilder;
import dev.hilbench.hil.image.ImageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirmwareImagesTest {

  private static byte[] image(String record) {
    byte[] text = (record + "\0\0\0\0").getBytes(StandardCharsets.US_ASCII);
    byte[] data = new byte[(text.length + 3) & ~3];
    System.arraycopy(text, 0, data, 0, text.length);
    return new ImageBuilder().entry(0x40100000).segment(0x3FFE8000, data).build();
  }

  @Test
  void theVersionIsReadFromTheRecordInTheImage(@TempDir Path dir) throws Exception {
    Path file = Files.write(dir.resolve("fw.bin"), image("HILBENCH-FW:1.2.3-rc1"));
    assertEquals("1.2.3-rc1", FirmwareImages.version(file));
  }

  @Test
  void anImageWithoutARecordIsNamed() {
    IOException e = assertThrows(IOException.class, () -> FirmwareImages.version(image("NOTHING"), "x.bin"));
    assertEquals("x.bin carries no version record (HILBENCH-FW:<version>)", e.getMessage());
  }

  @Test
  void theBrokenCopyFailsTheImageCheckOnItsChecksum(@TempDir Path dir) throws Exception {
    Path good = Files.write(dir.resolve("fw.bin"), image("HILBENCH-FW:1.0"));
    Path broken = FirmwareImages.withBrokenChecksum(good, dir.resolve("broken.bin"));
    FirmwareImage.parse(Files.readAllBytes(good));
    ImageException e = assertThrows(ImageException.class, () -> FirmwareImage.parse(Files.readAllBytes(broken)));
    assertTrue(e.getMessage().contains("checksum"), e.getMessage());
  }
}
