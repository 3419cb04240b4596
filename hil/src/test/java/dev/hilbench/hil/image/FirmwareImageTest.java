package dev.hilbench.hil.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.hil.rom.Checksum;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FirmwareImageTest {

  /**
   * Shaped like esptool's test/images/not_4_byte_aligned.bin (§8): one 0x14-byte segment at
   * 0x40100000, entry 0x40101844, QIO/512KB/40m, the checksum at offset 47, then trailing bytes.
   */
  @Test
  void parsesAnImageShapedLikeEsptoolsNotFourByteAlignedVector() throws ImageException {
    byte[] segment = new byte[0x14];
    for (int i = 0; i < segment.length; i++) {
      segment[i] = (byte) (i * 7 + 1);
    }
    byte[] image = new ImageBuilder().mode(FlashMode.QIO).size(FlashSize.SIZE_512KB).freq(FlashFreq.FREQ_40M)
        .entry(0x40101844).segment(0x40100000, segment).build();
    assertEquals(48, image.length);
    byte[] file = concat(image, "badbadbeef".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    FirmwareImage parsed = FirmwareImage.parse(file);
    assertEquals(47, parsed.checksumOffset());
    assertEquals(Checksum.of(segment), parsed.checksum());
    assertEquals(0x40101844, parsed.entry());
    assertEquals(FlashMode.QIO, parsed.flashMode().orElseThrow());
    assertEquals(FlashSize.SIZE_512KB, parsed.flashSize().orElseThrow());
    assertEquals(FlashFreq.FREQ_40M, parsed.flashFreq().orElseThrow());
    assertEquals(1, parsed.segments().size());
    assertEquals(new Segment(0x40100000, 0x14, 16), parsed.segments().get(0));
    assertEquals("qio, 512KB, 40m, entry 0x40101844, 1 segment", parsed.describe());
  }

  @Test
  void theChecksumSitsAtTheNextOffsetThatIsFifteenModSixteen() throws ImageException {
    for (int len = 4; len <= 64; len += 4) {
      byte[] image = new ImageBuilder().segment(0x40100000, new byte[len]).build();
      FirmwareImage parsed = FirmwareImage.parse(image);
      assertEquals(15, parsed.checksumOffset() % 16, "segment of " + len + " bytes");
      assertEquals(image.length, parsed.length());
      assertTrue(parsed.checksumOffset() >= 16 + len, "after the data");
    }
  }

  @Test
  void checksumsAllSegmentsButNotTheHeader() throws ImageException {
    byte[] a = {1, 2, 3, 4};
    byte[] b = {(byte) 0xF0, 0x0F, 0x55, (byte) 0xAA, 9, 9, 9, 9};
    byte[] image = new ImageBuilder().segment(0x3FFE8000, a).segment(0x40100000, b).build();
    int expected = Checksum.update(Checksum.of(a), b, 0, b.length);
    assertEquals(expected, FirmwareImage.parse(image).checksum());
    image[2] = 3;   // flash mode: outside the checksum
    assertEquals(FlashMode.DOUT, FirmwareImage.parse(image).flashMode().orElseThrow());
  }

  @Test
  void refusesWhatTheRomWouldNotBoot() {
    byte[] good = new ImageBuilder().segment(0x40100000, new byte[32]).build();

    assertMessage("too short for an image header: 4 bytes, need 8", Arrays.copyOf(good, 4));

    byte[] notMagic = good.clone();
    notMagic[0] = 0x00;
    assertMessage("does not start with the ESP8266 image magic 0xE9 (byte 0 is 0x00)", notMagic);

    byte[] v2 = good.clone();
    v2[0] = (byte) 0xEA;
    assertMessage("a 'v2' image (0xEA)", v2);

    byte[] noSegments = good.clone();
    noSegments[1] = 0;
    assertMessage("byte 1 claims 0 segments; the ROM loads 1 to 16", noSegments);

    byte[] tooMany = good.clone();
    tooMany[1] = 17;
    assertMessage("byte 1 claims 17 segments", tooMany);

    byte[] overlong = good.clone();
    ByteBuffer.wrap(overlong).order(ByteOrder.LITTLE_ENDIAN).putInt(12, 0x4000);
    assertMessage("segment 1 of 1 (load address 0x40100000) at offset 0x8 claims 0x4000 bytes but only 0x", overlong);

    byte[] unaligned = good.clone();
    ByteBuffer.wrap(unaligned).order(ByteOrder.LITTLE_ENDIAN).putInt(12, 30);
    assertMessage("is 0x1e bytes long, not a multiple of 4", unaligned);

    byte[] missingSegment = good.clone();
    missingSegment[1] = 2;
    assertMessage("segment 2 of 2: its header at offset 0x30 is past the end of the file (50 bytes)",
        Arrays.copyOf(missingSegment, 50));

    assertMessage("the image ends before its checksum byte at offset 0x3f", Arrays.copyOf(good, good.length - 1));

    byte[] corrupt = good.clone();
    corrupt[20] ^= 0x01;   // one bit of segment data
    assertMessage("checksum mismatch: byte 0x3f says 0xef, the segments give 0xee", corrupt);
  }

  @Test
  void headerPatchChangesOnlyBytesTwoAndThreeAndSaysSo() throws ImageException {
    byte[] image = new ImageBuilder().mode(FlashMode.QIO).size(FlashSize.SIZE_512KB)
        .segment(0x40100000, new byte[16]).build();
    FlashParams params = new FlashParams(java.util.Optional.of(FlashMode.DIO),
        java.util.Optional.of(FlashSize.SIZE_4MB), java.util.Optional.empty());
    HeaderPatch.Result r = HeaderPatch.apply(image, params);
    assertEquals("Flash params set to 0x0240.", r.note().orElseThrow());
    assertEquals(2, r.image()[2]);
    assertEquals(0x40, r.image()[3]);
    for (int i = 0; i < image.length; i++) {
      if (i != 2 && i != 3) {
        assertEquals(image[i], r.image()[i], "byte " + i);
      }
    }
    FirmwareImage.parse(r.image());   // still valid: the header is outside the checksum

    assertTrue(HeaderPatch.apply(image, FlashParams.KEEP).note().isEmpty(), "keep changes nothing");
    assertTrue(HeaderPatch.apply(r.image(), params).note().isEmpty(), "already set: nothing to say");
    byte[] notImage = new byte[64];
    HeaderPatch.Result untouched = HeaderPatch.apply(notImage, params);
    assertTrue(untouched.note().orElseThrow().startsWith("Warning: the file at 0x0 is not a valid ESP8266 image"));
    assertEquals(notImage, untouched.image());
  }

  @Test
  void parsesFlashSettingNames() {
    assertEquals(FlashMode.DOUT, FlashMode.parse("dout"));
    assertEquals(FlashSize.SIZE_4MB_C1, FlashSize.parse("4MB-c1"));
    assertEquals(FlashFreq.FREQ_80M, FlashFreq.parse("80m"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FlashSize.parse("3MB"));
    assertTrue(e.getMessage().contains("unknown flash size '3MB'"), e.getMessage());
  }

  private static void assertMessage(String expectedPart, byte[] file) {
    ImageException e = assertThrows(ImageException.class, () -> FirmwareImage.parse(file));
    assertTrue(e.getMessage().contains(expectedPart), "expected '" + expectedPart + "' in: " + e.getMessage());
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
