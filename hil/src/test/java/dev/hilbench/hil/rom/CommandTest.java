package dev.hilbench.hil.rom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.hil.Hex;
import dev.hilbench.hil.slip.SlipEncoder;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Commands and replies against the byte vectors of the reference (§2, §8). */
class CommandTest {

  @Test
  void syncIsTheReferenceFortySixBytes() {
    byte[] wire = SlipEncoder.encode(Command.sync().toPacket());
    assertEquals(46, wire.length);
    assertEquals("c0 00 08 24 00 00 00 00 00 07 07 12 20" + " 55".repeat(32) + " c0", Hex.of(wire));
  }

  @Test
  void readRegOfTheChipMagicIsTheReferenceFrame() {
    byte[] wire = SlipEncoder.encode(Command.readReg(0x40001000).toPacket());
    assertEquals("c0 00 0a 04 00 00 00 00 00 00 10 00 40 c0", Hex.of(wire));
  }

  @Test
  void theEsp8266ReplyToTheMagicReadCarriesItsValue() {
    Response r = Response.parse(Hex.bytes("01 0a 02 00 01 c1 f0 ff 00 00")).orElseThrow();
    assertEquals(0x0A, r.opcode());
    assertEquals(0xFFF0C101, r.value());
    assertTrue(r.ok());
    assertEquals(0, r.data().length);
  }

  @Test
  void theRomSyncReplyParses() {
    Response r = Response.parse(Hex.bytes("01 08 02 00 07 07 12 20 00 00")).orElseThrow();
    assertEquals(Opcode.SYNC.code(), r.opcode());
    assertEquals(0x20120707, r.value(), "the ROM's SYNC value; a stub answers 0");
    assertTrue(r.ok());
  }

  /** ESF-old: a READ_REG value of 0xC0BD exercises escaping in a reply. */
  @Test
  void aReplyValueWithSpecialBytesSurvivesSlip() {
    byte[] packet = Hex.bytes("01 0a 02 00 bd c0 00 00 00 00");
    byte[] wire = SlipEncoder.encode(packet);
    assertEquals("c0 01 0a 02 00 bd db dc 00 00 00 00 c0", Hex.of(wire));
    assertEquals(0xC0BD, Response.parse(packet).orElseThrow().value());
  }

  /** ESF-old: the special-byte block as FLASH_DATA has checksum 0x33. */
  @Test
  void flashDataChecksumIsTheReferenceValue() {
    byte[] block = Hex.bytes("DB 61 62 63 C0 DB 64 65 C0 66 DB");
    assertEquals(0x33, Checksum.of(block));
    Command c = Command.flashData(7, block);
    assertEquals(0x33, c.checksum());
    byte[] packet = c.toPacket();
    assertEquals("00 03 1b 00 33 00 00 00 0b 00 00 00 07 00 00 00 00 00 00 00 00 00 00 00",
        Hex.of(java.util.Arrays.copyOf(packet, 24)), "header, then length 11, seq 7, two zero words");
    assertArrayEquals(block, java.util.Arrays.copyOfRange(packet, 24, packet.length));
  }

  @Test
  void aFailedReplyCarriesStatusAndErrorCode() {
    Response r = Response.parse(Hex.bytes("01 03 02 00 00 00 00 00 01 07")).orElseThrow();
    assertFalse(r.ok());
    assertEquals(RomErrors.BAD_CHECKSUM, r.error());
    assertEquals("0107", r.resultHex());
  }

  @Test
  void framesThatAreNotRepliesAreRecognised() {
    assertTrue(Response.parse(Hex.bytes("01 08 02 00")).isEmpty(), "shorter than 8 bytes");
    assertTrue(Response.parse(Hex.bytes("00 08 24 00 00 00 00 00 07")).isEmpty(), "a request, direction 0");
  }

  @Test
  void flashBeginAndEndPayloads() {
    assertEquals("00 02 10 00 00 00 00 00 00 80 00 00 10 00 00 00 00 04 00 00 00 00 00 00",
        Hex.of(Command.flashBegin(0x8000, 16, 0x400, 0).toPacket()));
    assertEquals("00 04 04 00 00 00 00 00 01 00 00 00", Hex.of(Command.flashEnd(true).toPacket()));
    assertEquals("00 04 04 00 00 00 00 00 00 00 00 00", Hex.of(Command.flashEnd(false).toPacket()));
  }

  @Test
  void timeoutsBelongToTheCommandType() {
    CommandTimeouts t = CommandTimeouts.ESPTOOL;
    assertEquals(Duration.ofMillis(100), t.forCommand(Command.sync()));
    assertEquals(Duration.ofSeconds(3), t.forCommand(Command.readReg(0)));
    assertEquals(Duration.ofSeconds(3), t.forCommand(Command.flashBegin(0, 0, 0x400, 0)), "3 s floor");
    // 1 MiB erase: 40 s/MB × 1.048576 MB.
    assertEquals(41_943, t.forCommand(Command.flashBegin(0x80000, 1024, 0x400, 0)).toMillis());
    assertEquals(Duration.ofSeconds(3), t.forCommand(Command.flashData(0, new byte[0x400])));
    assertEquals(Duration.ofMillis(10), t.dividedBy(10).forCommand(Command.sync()));
  }
}
