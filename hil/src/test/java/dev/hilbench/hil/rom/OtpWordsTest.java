package dev.hilbench.hil.rom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.hil.image.FlashSize;
import org.junit.jupiter.api.Test;

class OtpWordsTest {

  /** The reference's vector (§4), also the virtual NodeMCU's default identity. */
  @Test
  void referenceVectorGivesMacAndChipId() throws EspException {
    OtpWords otp = new OtpWords(0xC3000000, 0x0000A1B2, 0, 0);
    assertEquals("18:fe:34:a1:b2:c3", OtpWords.formatMac(otp.mac()));
    assertEquals(0x00A1B2C3, otp.chipId());
    assertEquals("ESP8266EX", otp.chipType());
  }

  @Test
  void theOuiComesFromWordThreeOrAByteOfWordOne() throws EspException {
    assertEquals("ac:d0:74:a1:b2:c3", OtpWords.formatMac(new OtpWords(0xC3000000, 0x0001A1B2, 0, 0).mac()));
    assertEquals("5c:cf:7f:a1:b2:c3", OtpWords.formatMac(new OtpWords(0xC3000000, 0x0000A1B2, 0, 0x005CCF7F).mac()));
    EspException e = assertThrows(EspException.class, () -> new OtpWords(0, 0x00020000, 0, 0).mac());
    assertTrue(e.getMessage().contains("Unknown OUI"), e.getMessage());
  }

  @Test
  void anEsp8285SetsOneOfTwoBits() {
    assertTrue(new OtpWords(1 << 4, 0, 0, 0).isEsp8285());
    assertTrue(new OtpWords(0, 0, 1 << 16, 0).isEsp8285());
    assertFalse(new OtpWords(0, 0, 0, 0).isEsp8285());
    assertEquals("ESP8285", new OtpWords(1 << 4, 0, 0, 0).chipType());
  }

  @Test
  void flashIdSplitsAsEsptoolPrintsIt() {
    FlashId id = new FlashId(0x001640EF);
    assertEquals(0xEF, id.manufacturer());
    assertEquals(0x4016, id.device());
    assertEquals(FlashSize.SIZE_4MB, id.size().orElseThrow());
    assertTrue(new FlashId(0xFFFFFFFF).size().isEmpty());
  }
}
