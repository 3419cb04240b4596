package dev.hilbench.hil.rom;

import static dev.hilbench.hil.rom.RomScript.script;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.hil.flash.After;
import dev.hilbench.hil.flash.EspSession;
import dev.hilbench.hil.flash.FlashPlan;
import dev.hilbench.hil.flash.FlashResult;
import dev.hilbench.hil.flash.Flasher;
import dev.hilbench.hil.image.FlashParams;
import dev.hilbench.hil.image.ImageBuilder;
import dev.hilbench.hil.link.LinkEvent;
import dev.hilbench.hil.link.ReplayLink;
import dev.hilbench.hil.link.TraceFormat;
import dev.hilbench.hil.reset.Pauser;
import dev.hilbench.hil.reset.ResetPlan;
import dev.hilbench.hil.reset.UnixTightReset;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The flasher against scripted ROM conversations (the reference's byte vectors) and against
 * sessions recorded from the ROM emulator: every byte the host writes is checked.
 */
class SessionReplayTest {

  /** Timeouts a hundredth of esptool's, one connect attempt: the failure paths stay fast. */
  static final CommandTimeouts FAST = CommandTimeouts.ESPTOOL.dividedBy(100);
  static final Pauser NO_PAUSE = d -> {};

  final List<String> notes = new ArrayList<>();
  final EspSession.Events events = new EspSession.Events() {
    @Override
    public void linesUnavailable(String message) {
      notes.add("lines: " + message);
    }

    @Override
    public void syncFailed() {
      notes.add(".");
    }

    @Override
    public void note(String text) {
      notes.add(text);
    }
  };

  static EspSession.Setup setup(ResetPlan plan, ReplayLink link, CommandTimeouts timeouts, int attempts) {
    return new EspSession.Setup(link, plan, timeouts, attempts, NO_PAUSE);
  }

  @Test
  void connectsDetectsAndReadsTheIdentityOfTheReferenceChip() throws Exception {
    ReplayLink link = ReplayLink.of("replay", script().sync().detectAndIdentify().events());
    EspSession session = EspSession.connect(link, setup(ResetPlan.none(), link, CommandTimeouts.ESPTOOL, 7), events);
    ChipInfo chip = session.chipInfo();
    assertEquals("ESP8266EX", chip.chipType());
    assertEquals("18:fe:34:a1:b2:c3", chip.macText());
    assertEquals("0x00a1b2c3", chip.chipIdText());
    assertEquals(26, chip.crystalMhz());
    link.assertFinished();
  }

  @Test
  void writesEachBlockPaddedWithErasedFlashAndSoftResets() throws Exception {
    byte[] image = new ImageBuilder().segment(0x40100000, new byte[1400]).build();   // 1424 bytes: 2 blocks
    FlashPlan plan = FlashPlan.prepare(image, 0, FlashParams.KEEP);
    byte[] second = Arrays.copyOf(Arrays.copyOfRange(plan.data(), 0x400, plan.data().length), 0x400);
    Arrays.fill(second, plan.data().length - 0x400, 0x400, (byte) 0xFF);
    ReplayLink link = ReplayLink.of("replay", script().sync().detectAndIdentify()
        .ok(Command.flashBegin(EraseSize.forRom(0, plan.data().length), 2, 0x400, 0))
        .ok(Command.flashData(0, Arrays.copyOf(plan.data(), 0x400)))
        .ok(Command.flashData(1, second))
        .ok(Command.flashBegin(0, 0, 0x400, 0))
        .ok(Command.flashEnd(true))
        .events());
    EspSession session = EspSession.connect(link, setup(ResetPlan.none(), link, CommandTimeouts.ESPTOOL, 7), events);
    List<String> progress = new ArrayList<>();
    FlashResult result = session.write(plan, (done, total) -> progress.add(done + "/" + total));
    session.leave(After.SOFT_RESET);
    link.assertFinished();
    assertEquals(List.of("0/1424", "1024/1424", "1424/1424"), progress);
    assertEquals(1424, result.bytes());
    assertTrue(result.wireBytesOut() > 2 * 0x400, "both blocks crossed the wire: " + result.wireBytesOut());
  }

  @Test
  void replaysARecordedFlashOfTheTestImageByteForByte() throws Exception {
    byte[] image = resource("/images/test-image.bin");
    ReplayLink link = ReplayLink.of("rom-pty trace", trace("/traces/rom-pty-flash-test-image.trace"));
    EspSession session = EspSession.connect(link, setup(ResetPlan.none(), link, CommandTimeouts.ESPTOOL, 7), events);
    session.write(FlashPlan.prepare(image, 0, FlashParams.KEEP), Flasher.Progress.NONE);
    session.leave(After.SOFT_RESET);
    link.assertFinished();
  }

  @Test
  void replaysARecordedChipIdWithTheFlashIdReadThroughTheSpiRegisters() throws Exception {
    ReplayLink link = ReplayLink.of("rom-pty trace", trace("/traces/rom-pty-chip-id.trace"));
    EspSession session = EspSession.connect(link, setup(ResetPlan.none(), link, CommandTimeouts.ESPTOOL, 7), events);
    FlashId id = session.flashId();
    assertEquals(0x001640EF, id.raw());
    assertEquals("4MB", id.size().orElseThrow().label());
    link.assertFinished();
  }

  @Test
  void toleratesFewerSyncRepliesThanEight() throws Exception {
    RomScript s = script().host(Command.sync());
    for (int i = 0; i < 3; i++) {
      s.reply(Opcode.SYNC, 0x20120707);
    }
    ReplayLink link = ReplayLink.of("replay", s.readReg(ChipMagic.REGISTER, ChipMagic.ESP8266)
        .readReg(0x3FF00050, 0xC3000000).readReg(0x3FF00054, 0xA1B2).readReg(0x3FF00058, 0).readReg(0x3FF0005C, 0)
        .readReg(0x60000014, 451).events());
    EspSession.connect(link, setup(ResetPlan.none(), link, FAST, 1), events);
    link.assertFinished();
  }

  @Test
  void namesAnotherEspressifChipAndRefusesIt() {
    ReplayLink link = ReplayLink.of("replay", script().sync().readReg(ChipMagic.REGISTER, 0x00F01D83).events());
    EspException e = assertThrows(EspException.class,
        () -> EspSession.connect(link, setup(ResetPlan.none(), link, FAST, 1), events));
    assertEquals("This chip is ESP32, not ESP8266 (chip magic value 0x00f01d83).", e.getMessage());
    assertTrue(e.hint().orElseThrow().contains("ESP8266 (NodeMCU) only"));
  }

  @Test
  void fallsBackToTheDateRegisterWhenTheMagicIsUnknown() throws Exception {
    ReplayLink link = ReplayLink.of("replay", script().sync()
        .host(Command.readReg(ChipMagic.REGISTER)).reply(Opcode.READ_REG, 0, 1, 5)
        .readReg(ChipMagic.DATE_REGISTER, ChipMagic.ESP8266_DATE)
        .readReg(0x3FF00050, 0xC3000000).readReg(0x3FF00054, 0xA1B2).readReg(0x3FF00058, 0).readReg(0x3FF0005C, 0)
        .readReg(0x60000014, 451).events());
    EspSession.connect(link, setup(ResetPlan.none(), link, FAST, 1), events);
    link.assertFinished();
  }

  @Test
  void aChipThatIsNeitherSaysSo() {
    ReplayLink link = ReplayLink.of("replay", script().sync()
        .readReg(ChipMagic.REGISTER, 0x12345678).readReg(ChipMagic.DATE_REGISTER, 0).events());
    EspException e = assertThrows(EspException.class,
        () -> EspSession.connect(link, setup(ResetPlan.none(), link, FAST, 1), events));
    assertEquals("Unexpected chip magic value 0x12345678 (date register 0x00000000). Failed to autodetect chip"
        + " type: this is not an ESP8266.", e.getMessage());
  }

  @Test
  void silenceIsNoSerialDataWithTheBootloaderHint() {
    ReplayLink link = ReplayLink.of("replay", syncsWithoutAnswer(5));
    EspException e = assertThrows(EspException.class,
        () -> EspSession.connect(link, setup(ResetPlan.none(), link, FAST, 1), events));
    assertEquals("Failed to connect to ESP8266: No serial data received.", e.getMessage());
    assertTrue(e.hint().orElseThrow().contains("hold the FLASH button"), e.hint().orElseThrow());
    assertTrue(e.hint().orElseThrow().contains("--before no-reset"));
    assertInstanceOf(RomTimeoutException.class, e.getCause());
    assertEquals(List.of(".", ".", ".", ".", "."), notes, "one dot per failed SYNC, as esptool prints");
    link.assertFinished();
  }

  @Test
  void anApplicationLogInsteadOfRepliesSaysTheAppIsRunning() {
    List<LinkEvent> s = new ArrayList<>(script().boardSends("HB boot device=n1 fw=1.0 boot=3fa2\r\n").events());
    s.addAll(syncsWithoutAnswer(5));
    ReplayLink link = ReplayLink.of("replay", s);
    EspException e = assertThrows(EspException.class,
        () -> EspSession.connect(link, setup(ResetPlan.none(), link, FAST, 1), events));
    assertTrue(e.getMessage().startsWith("Failed to connect to ESP8266: Invalid head of packet (0x48): the chip sent"
        + " text, not bootloader replies: \"HB boot device=n1"), e.getMessage());
    assertTrue(e.hint().orElseThrow().contains("the application is running"), e.hint().orElseThrow());
  }

  @Test
  void aFlashBootBannerIsAWrongBootMode() {
    List<LinkEvent> s = new ArrayList<>(script().boardSends("\r\n ets Jan  8 2013,rst cause:2, boot mode:(3,6)\r\n")
        .events());
    s.addAll(syncsWithoutAnswer(5));
    ReplayLink link = ReplayLink.of("replay", s);
    EspException e = assertThrows(EspException.class,
        () -> EspSession.connect(link, setup(ResetPlan.none(), link, FAST, 1), events));
    assertEquals("Failed to connect to ESP8266: Wrong boot mode detected (3,6)! The chip needs to be in download"
        + " mode.", e.getMessage());
    assertTrue(e.hint().orElseThrow().contains("Hold FLASH while pressing RST"));
  }

  @Test
  void binaryNoiseIsReportedAsSuch() {
    List<LinkEvent> s = new ArrayList<>(script().boardSendsHex("f3 81 07 fe 99 00 c7 8d e0 01 02 80 ff 13").events());
    s.addAll(syncsWithoutAnswer(5));
    ReplayLink link = ReplayLink.of("replay", s);
    EspException e = assertThrows(EspException.class,
        () -> EspSession.connect(link, setup(ResetPlan.none(), link, FAST, 1), events));
    assertEquals("Failed to connect to ESP8266: Invalid head of packet (0xF3): Possible serial noise or corruption.",
        e.getMessage());
    assertTrue(e.hint().orElseThrow().contains("cable"));
  }

  @Test
  void aChecksumRejectionIsRetriedAndThenSucceeds() throws Exception {
    byte[] block = new byte[0x400];
    Arrays.fill(block, (byte) 0x5A);
    ReplayLink link = ReplayLink.of("replay", script().sync().detectAndIdentify()
        .ok(Command.flashBegin(EraseSize.forRom(0x10000, 0x400), 1, 0x400, 0x10000))
        .host(Command.flashData(0, block)).reply(Opcode.FLASH_DATA, 0, 1, RomErrors.BAD_CHECKSUM)
        .ok(Command.flashData(0, block))
        .events());
    EspSession session = EspSession.connect(link, setup(ResetPlan.none(), link, FAST, 1), events);
    session.write(FlashPlan.prepare(block, 0x10000, FlashParams.KEEP), Flasher.Progress.NONE);
    link.assertFinished();
  }

  @Test
  void threeChecksumRejectionsFailWithEsptoolsWords() throws Exception {
    byte[] block = new byte[0x400];
    RomScript s = script().sync().detectAndIdentify().ok(Command.flashBegin(EraseSize.forRom(0, 0x400), 1, 0x400, 0x10000));
    for (int i = 0; i < 3; i++) {
      s.host(Command.flashData(0, block)).reply(Opcode.FLASH_DATA, 0, 1, RomErrors.BAD_CHECKSUM);
    }
    ReplayLink link = ReplayLink.of("replay", s.events());
    EspSession session = EspSession.connect(link, setup(ResetPlan.none(), link, FAST, 1), events);
    EspException e = assertThrows(EspException.class,
        () -> session.write(FlashPlan.prepare(block, 0x10000, FlashParams.KEEP), Flasher.Progress.NONE));
    assertEquals("Failed to write to target Flash after seq 0 (result was 0107: invalid CRC or checksum in message)",
        e.getMessage());
    link.assertFinished();
  }

  @Test
  void aChipThatStopsAnsweringMidWriteTimesOutAfterThreeTries() throws Exception {
    byte[] block = new byte[0x400];
    RomScript s = script().sync().detectAndIdentify().ok(Command.flashBegin(EraseSize.forRom(0, 0x400), 1, 0x400, 0x10000));
    for (int i = 0; i < 3; i++) {
      s.host(Command.flashData(0, block));
    }
    ReplayLink link = ReplayLink.of("replay", s.events());
    EspSession session = EspSession.connect(link, setup(ResetPlan.none(), link, FAST, 1), events);
    EspException e = assertThrows(EspException.class,
        () -> session.write(FlashPlan.prepare(block, 0x10000, FlashParams.KEEP), Flasher.Progress.NONE));
    assertEquals("Timed out waiting for packet header", e.getMessage());
    assertTrue(e.hint().orElseThrow().contains("stopped answering while writing"));
    link.assertFinished();
  }

  @Test
  void aCorruptedReplyIsReportedAsNoise() throws Exception {
    byte[] block = new byte[0x400];
    ReplayLink link = ReplayLink.of("replay", script().sync().detectAndIdentify()
        .ok(Command.flashBegin(EraseSize.forRom(0, 0x400), 1, 0x400, 0x10000))
        .host(Command.flashData(0, block)).boardSendsHex("c0 01 03 db 41 c0")
        .ok(Command.flashData(0, block)).events());
    EspSession session = EspSession.connect(link, setup(ResetPlan.none(), link, FAST, 1), events);
    session.write(FlashPlan.prepare(block, 0x10000, FlashParams.KEEP), Flasher.Progress.NONE);
    link.assertFinished();
  }

  @Test
  void resetsWithTheTightSequenceThenSyncs() throws Exception {
    ReplayLink link = ReplayLink.of("replay", script()
        .lines(false, false).lines(true, true).lines(false, true).lines(true, false).lines(false, false)
        .lines(false, null)
        .sync().detectAndIdentify().events());
    EspSession.connect(link, setup(ResetPlan.of(new UnixTightReset(Duration.ofMillis(50))), link, FAST, 1), events);
    link.assertFinished();
  }

  @Test
  void whereTheLinesCannotBeDrivenItSaysSoOnceAndStillSyncs() throws Exception {
    ReplayLink link = ReplayLink.withoutLines("/dev/pts/9", script().sync().detectAndIdentify().events());
    EspSession.connect(link, setup(ResetPlan.esptoolDefault(false), link, FAST, 7), events);
    assertEquals(List.of("lines: lines cannot be driven on a pseudo-terminal (/dev/pts/9)"), notes);
    link.assertFinished();
  }

  @Test
  void aFailedConnectOnAPseudoTerminalExplainsTheChipWasNotReset() {
    ReplayLink link = ReplayLink.withoutLines("/dev/pts/9", syncsWithoutAnswer(5));
    EspException e = assertThrows(EspException.class,
        () -> EspSession.connect(link, setup(ResetPlan.esptoolDefault(false), link, FAST, 1), events));
    assertTrue(e.hint().orElseThrow().startsWith("the chip was NOT reset, since the lines cannot be driven here"),
        e.hint().orElseThrow());
    assertTrue(e.hint().orElseThrow().contains("--control HOST:PORT"));
  }

  @Test
  void aHardResetWithoutLinesIsReportedAndTheSessionGoesOn() throws Exception {
    ReplayLink link = ReplayLink.withoutLines("/dev/pts/9", script().sync().detectAndIdentify().events());
    EspSession session = EspSession.connect(link, setup(ResetPlan.none(), link, FAST, 1), events);
    session.leave(After.HARD_RESET);
    assertTrue(notes.stream().anyMatch(n -> n.startsWith("lines: lines cannot be driven on a pseudo-terminal")
        && n.contains("stays in the bootloader")), notes.toString());
  }

  private static List<LinkEvent> syncsWithoutAnswer(int count) {
    RomScript s = script();
    for (int i = 0; i < count; i++) {
      s.host(Command.sync());
    }
    return s.events();
  }

  static List<LinkEvent> trace(String resource) throws IOException {
    return TraceFormat.parse(new String(resource(resource), StandardCharsets.UTF_8), resource);
  }

  static byte[] resource(String name) throws IOException {
    try (InputStream in = SessionReplayTest.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing test resource " + name);
      }
      return in.readAllBytes();
    }
  }

  @Test
  void theSessionWritesTheImageUnchanged() throws Exception {
    byte[] image = resource("/images/test-image.bin");
    assertArrayEquals(image, Arrays.copyOf(FlashPlan.prepare(image, 0, FlashParams.KEEP).data(), image.length));
  }
}
