package dev.hilbench.hil.virtual;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.hil.cli.ChipIdCommand;
import dev.hilbench.hil.cli.FlashCommand;
import dev.hilbench.hil.console.CommandFailedException;
import dev.hilbench.hil.console.Console;
import dev.hilbench.hil.console.ConsoleMatch;
import dev.hilbench.hil.console.Redactor;
import dev.hilbench.hil.flash.After;
import dev.hilbench.hil.flash.Before;
import dev.hilbench.hil.flash.EspSession;
import dev.hilbench.hil.flash.FlashPlan;
import dev.hilbench.hil.flash.Flasher;
import dev.hilbench.hil.image.FlashParams;
import dev.hilbench.hil.link.LinesUnavailableException;
import dev.hilbench.hil.link.LinkEvent;
import dev.hilbench.hil.link.RecordingLink;
import dev.hilbench.hil.ports.AllPorts;
import dev.hilbench.hil.ports.PortInfo;
import dev.hilbench.hil.ports.PortKind;
import dev.hilbench.hil.reset.ClassicReset;
import dev.hilbench.hil.reset.ResetPlan;
import dev.hilbench.hil.reset.UnixTightReset;
import dev.hilbench.hil.rom.ChipInfo;
import dev.hilbench.hil.rom.CommandTimeouts;
import dev.hilbench.hil.rom.EspException;
import dev.hilbench.hil.rom.FlashId;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The hil module end to end against the virtual NodeMCU (firmware/build/virtual-nodemcu): a real
 * pseudo-terminal opened through jSerialComm, the emulated ROM bootloader, the side channel, the
 * sketch's console. Fails, with the reason, when the binary has not been built.
 */
@SuppressWarnings("try")   // a paused console is held, not used, while the flasher owns the link
class VirtualNodeMcuEndToEndTest {

  static final Duration BOOT = Duration.ofSeconds(10);
  static final String TEST_VERSION = "hilbench-test-1.0.0";

  @TempDir Path dir;

  static EspSession.Setup setup(SideChannel control, Before before) {
    return EspSession.Setup.esptool(new SideChannelLines(control), before);
  }

  @Test
  void itsPseudoTerminalOpensListsAndHasNoLines() throws Exception {
    try (VirtualBoardFixture board = VirtualBoardFixture.start(dir, VirtualNodeMcu.Options.defaults().inDownloadMode()
        .withFlash(dir.resolve("flash.bin")))) {
      assertTrue(board.node.serialPath().startsWith("/dev/pts/"), board.node.serialPath());
      assertEquals("download", board.node.announcedMode());
      LinesUnavailableException e = assertThrows(LinesUnavailableException.class, () -> board.link.setDtr(true));
      assertEquals("lines cannot be driven on a pseudo-terminal (" + board.node.serialPath() + ")", e.getMessage());
      PortInfo listed = AllPorts.system().list().stream().filter(p -> p.path().equals(board.node.serialPath()))
          .findFirst().orElseThrow(() -> new AssertionError("the virtual board's pty is not listed"));
      assertEquals(PortKind.PSEUDO_TERMINAL, listed.kind());
      assertEquals("virtual NodeMCU (pid " + board.node.pid() + ")", listed.description());
    }
  }

  @Test
  void flashesTheTestImageBootsItAndReadsItsVersionBack() throws Exception {
    Path image = VirtualBoardFixture.buildFile("test-image.bin");
    try (VirtualBoardFixture board = VirtualBoardFixture.start(dir, VirtualNodeMcu.Options.defaults().inDownloadMode()
            .withFlash(dir.resolve("flash.bin")));
        Console console = Console.start(board.link, dir.resolve("console.log"))) {
      byte[] bytes = Files.readAllBytes(image);
      try (Console.Paused paused = console.pause("flashing")) {
        EspSession session = EspSession.connect(board.link, setup(board.control(), Before.NO_RESET), EspSession.Events.QUIET);
        ChipInfo chip = session.chipInfo();
        assertEquals("18:fe:34:a1:b2:c3", chip.macText());
        session.write(FlashPlan.prepare(bytes, 0, FlashParams.KEEP), Flasher.Progress.NONE);
        session.leave(After.HARD_RESET);   // RTS pulse through the emulated auto-reset circuit
      }
      ConsoleMatch boot = console.expect("HB boot .*fw=(\\S+)", BOOT);
      assertEquals(TEST_VERSION, boot.group(1));
      assertArrayEquals(bytes, Arrays.copyOf(Files.readAllBytes(board.flash), bytes.length), "the flash holds the image");
      assertEquals("app", board.control().status().mode());
    }
  }

  @Test
  void theTightResetReachesTheBootloaderThroughTheEmulatedCircuit() throws Exception {
    try (VirtualBoardFixture board = VirtualBoardFixture.start(dir, VirtualNodeMcu.Options.defaults())) {
      assertEquals("app", board.node.announcedMode());
      EspSession session = EspSession.connect(board.link, setup(board.control(), Before.NO_RESET)
          .withPlan(ResetPlan.of(new UnixTightReset(ResetPlan.DEFAULT_RESET_DELAY))), EspSession.Events.QUIET);
      assertEquals("0x00a1b2c3", session.chipInfo().chipIdText());
      assertEquals("download", board.control().status().mode());
    }
  }

  @Test
  void theDefaultPlanConnectsFromTheApplication() throws Exception {
    try (VirtualBoardFixture board = VirtualBoardFixture.start(dir, VirtualNodeMcu.Options.defaults())) {
      EspSession session = EspSession.connect(board.link, setup(board.control(), Before.DEFAULT_RESET),
          EspSession.Events.QUIET);
      FlashId id = session.flashId();
      assertEquals(0x001640EF, id.raw());
    }
  }

  @Test
  void theClassicResetAgainstTheEmulatedCircuit() throws Exception {
    // Without a capacitor on EN the one-line-at-a-time sequence passes through (DTR on, RTS on)
    // and boots the app; a board that models the capacitor enters download mode. Either way the
    // outcome must be stated exactly.
    try (VirtualBoardFixture board = VirtualBoardFixture.start(dir, VirtualNodeMcu.Options.defaults())) {
      EspSession.Setup classic = setup(board.control(), Before.NO_RESET)
          .withPlan(ResetPlan.of(new ClassicReset(ResetPlan.DEFAULT_RESET_DELAY)))
          .withTimeouts(CommandTimeouts.ESPTOOL, 1);
      try {
        EspSession.connect(board.link, classic, EspSession.Events.QUIET);
        assertEquals("download", board.control().status().mode());
      } catch (EspException e) {
        // The app booted: its ROM banner says so, and the diagnosis must read it.
        assertEquals("Failed to connect to ESP8266: Wrong boot mode detected (3,6)! The chip needs to be in"
            + " download mode.", e.getMessage());
        assertEquals("app", board.control().status().mode());
      }
    }
  }

  @Test
  void theSideChannelResetIsAStrategyToo() throws Exception {
    try (VirtualBoardFixture board = VirtualBoardFixture.start(dir, VirtualNodeMcu.Options.defaults())) {
      EspSession.connect(board.link, setup(board.control(), Before.NO_RESET)
          .withPlan(ResetPlan.of(SideChannelReset.intoDownload(board.control()))), EspSession.Events.QUIET);
      assertEquals("download", board.control().status().mode());
    }
  }

  @Test
  void aChecksumErrorOnTheWireIsRetriedAndTheImageStillBoots() throws Exception {
    Path image = VirtualBoardFixture.buildFile("test-image.bin");
    try (VirtualBoardFixture board = VirtualBoardFixture.start(dir, VirtualNodeMcu.Options.defaults().inDownloadMode()
            .withFlash(dir.resolve("flash.bin")));
        Console console = Console.start(board.link, dir.resolve("console.log"))) {
      RecordingLink flaky = new RecordingLink(new CorruptingLink(board.link, 1000, 1));   // the first FLASH_DATA frame
      try (Console.Paused paused = console.pause("flashing")) {
        EspSession session = EspSession.connect(flaky, setup(board.control(), Before.NO_RESET), EspSession.Events.QUIET);
        session.write(FlashPlan.prepare(Files.readAllBytes(image), 0, FlashParams.KEEP), Flasher.Progress.NONE);
        session.leave(After.SOFT_RESET);
      }
      assertEquals(TEST_VERSION, console.expect("HB boot .*fw=(\\S+)", BOOT).group(1));
      String received = flaky.events().stream().filter(e -> e instanceof LinkEvent.Read).map(Object::toString)
          .collect(java.util.stream.Collectors.joining(" "));
      assertTrue(received.contains("c0 01 03 02 00 00 00 00 00 01 07 c0"),
          "the ROM refused the corrupted block with 01 07: " + received);
    }
  }

  @Test
  void aCorruptImageIsRefusedBeforeAnythingIsWritten() throws Exception {
    Path corrupt = VirtualBoardFixture.buildFile("test-image-corrupt.bin");
    Path flash = dir.resolve("flash.bin");
    try (VirtualNodeMcu node = VirtualNodeMcu.start(VirtualBoardFixture.binary(),
        VirtualNodeMcu.Options.defaults().inDownloadMode().withFlash(flash), dir.resolve("node.log"))) {
      Run run = run(new FlashCommand(), "--port", node.serialPath(), "--before", "no-reset", corrupt.toString());
      assertEquals(1, run.status, run.err);
      assertTrue(run.err.contains("test-image-corrupt.bin is not a valid ESP8266 image: checksum mismatch"), run.err);
      assertTrue(run.err.contains("Nothing was written"), run.err);
      byte[] contents = Files.readAllBytes(flash);
      for (int i = 0; i < 4096; i++) {
        assertEquals((byte) 0xFF, contents[i], "flash byte " + i + " was touched");
      }
    }
  }

  @Test
  void aCorruptImageForcedInBootsToCsumErr() throws Exception {
    Path corrupt = VirtualBoardFixture.buildFile("test-image-corrupt.bin");
    try (VirtualBoardFixture board = VirtualBoardFixture.start(dir, VirtualNodeMcu.Options.defaults().inDownloadMode()
            .withFlash(dir.resolve("flash.bin")));
        Console console = Console.start(board.link, dir.resolve("console.log"))) {
      try (Console.Paused paused = console.pause("flashing")) {
        EspSession session = EspSession.connect(board.link, setup(board.control(), Before.NO_RESET), EspSession.Events.QUIET);
        session.write(FlashPlan.prepare(Files.readAllBytes(corrupt), 0, FlashParams.KEEP), Flasher.Progress.NONE);
        session.leave(After.HARD_RESET);
      }
      console.expect("csum err", BOOT);
    }
  }

  @Test
  void anApplicationThatDoesNotAnswerTimesOutWithEsptoolsWords() throws Exception {
    try (VirtualBoardFixture board = VirtualBoardFixture.start(dir, VirtualNodeMcu.Options.defaults())) {
      EspSession.Setup noReset = setup(board.control(), Before.NO_RESET).withTimeouts(CommandTimeouts.ESPTOOL, 1);
      EspException e = assertThrows(EspException.class,
          () -> EspSession.connect(board.link, noReset, EspSession.Events.QUIET));
      assertTrue(e.getMessage().startsWith("Failed to connect to ESP8266: "), e.getMessage());
      assertTrue(e.hint().isPresent());
    }
  }

  @Test
  void flashCommandOverTheSideChannelPrintsEsptoolsSummary() throws Exception {
    Path image = VirtualBoardFixture.buildFile("test-image.bin");
    try (VirtualNodeMcu node = VirtualNodeMcu.start(VirtualBoardFixture.binary(),
        VirtualNodeMcu.Options.defaults().withFlash(dir.resolve("flash.bin")), dir.resolve("node.log"))) {
      String control = node.controlAddress().getHostString() + ":" + node.controlAddress().getPort();
      Run run = run(new FlashCommand(), "--port", node.serialPath(), "--control", control, "--flash-mode", "dio",
          image.toString());
      assertEquals(0, run.status, run.out + run.err);
      assertTrue(run.out.contains("Chip is ESP8266EX"), run.out);
      assertTrue(run.out.contains("MAC: 18:fe:34:a1:b2:c3"), run.out);
      assertTrue(run.out.matches("(?s).*Wrote \\d+ bytes at 0x00000000 in [0-9.]+ seconds .*"), run.out);
      assertTrue(run.out.contains("Hard resetting via RTS pin..."), run.out);
      assertEquals("app", node.sideChannel().status().mode());
      assertEquals(TEST_VERSION, node.sideChannel().status().version());
    }
  }

  @Test
  void chipIdCommandResetsIntoTheBootloaderThroughTheSideChannel() throws Exception {
    try (VirtualNodeMcu node = VirtualNodeMcu.start(VirtualBoardFixture.binary(),
        VirtualNodeMcu.Options.defaults().withChipId("123456"), dir.resolve("node.log"))) {
      String control = node.controlAddress().getHostString() + ":" + node.controlAddress().getPort();
      Run run = run(new ChipIdCommand(), "--port", node.serialPath(), "--control", control, "--after", "no-reset");
      assertEquals(0, run.status, run.out + run.err);
      assertTrue(run.out.contains("Chip ID: 0x00123456"), run.out);
      assertTrue(run.out.contains("Manufacturer: ef\nDevice: 4016\nDetected flash size: 4MB"), run.out);
    }
  }

  @Test
  void theConsoleDrivesTheSketch() throws Exception {
    Path transcript = dir.resolve("console.log");
    try (VirtualBoardFixture board = VirtualBoardFixture.start(dir, VirtualNodeMcu.Options.defaults()
            .withEeprom(dir.resolve("eeprom.bin")));
        Console console = Console.start(board.link, transcript, Redactor.standard(), Console.Listener.NONE)) {
      console.expect("HB boot device=\\S+ fw=\\S+ boot=(\\S+)", BOOT);
      console.skipReceived();   // the next boot line must be the reboot's, not a late first one
      console.write("reboot");
      console.expect("^OK reboot", BOOT);
      console.expect("HB boot device=\\S+ fw=\\S+ boot=\\S+", BOOT);
      assertTrue(console.send("status").startsWith("OK status"));
      assertTrue(console.send("version").startsWith("OK version fw="));
      assertEquals("OK wifi pass ***", console.send("wifi pass hunter2"));
      CommandFailedException e = assertThrows(CommandFailedException.class, () -> console.send("frobnicate"));
      assertTrue(e.reply().startsWith("ERR frobnicate: "), e.reply());
    }
    String text = Files.readString(transcript);
    assertTrue(!text.contains("hunter2"), text);
    assertTrue(text.contains("> wifi pass ***"), text);
  }

  @Test
  void monitorShowsTheConsoleAndSendsWhatIsTyped() throws Exception {
    try (VirtualNodeMcu node = VirtualNodeMcu.start(VirtualBoardFixture.binary(), VirtualNodeMcu.Options.defaults(),
            dir.resolve("node.log"));
        java.io.PipedOutputStream keyboard = new java.io.PipedOutputStream()) {
      java.io.PipedInputStream typed = new java.io.PipedInputStream(keyboard);
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      CommandLine monitor = new CommandLine(new dev.hilbench.hil.cli.MonitorCommand(typed))
          .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
      Path transcript = dir.resolve("monitor.log");
      java.util.concurrent.CompletableFuture<Integer> status = java.util.concurrent.CompletableFuture.supplyAsync(
          () -> monitor.execute("--port", node.serialPath(), "--transcript", transcript.toString()));
      org.awaitility.Awaitility.await("the monitor's banner").atMost(BOOT).until(() -> out.toString().contains("--- monitor on"));
      keyboard.write("status\nwifi pass hunter2\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      keyboard.flush();
      org.awaitility.Awaitility.await("the replies shown").atMost(BOOT)
          .until(() -> out.toString().contains("OK status") && out.toString().contains("OK wifi pass ***"));
      keyboard.close();
      assertEquals(0, status.get(10, java.util.concurrent.TimeUnit.SECONDS), err.toString());
      assertTrue(out.toString().matches("(?s).*\\d\\d:\\d\\d:\\d\\d\\.\\d{3}  OK status.*"), "timestamped: " + out);
      String text = Files.readString(transcript);
      assertTrue(text.contains("> status"), text);
      assertTrue(text.contains("> wifi pass ***") && !text.contains("hunter2"), text);
    }
  }

  @Test
  void romEmulatorPrintsThePseudoTerminalAndRunsUntilTheBoardQuits() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine emulator = new CommandLine(new dev.hilbench.hil.cli.RomEmulatorCommand())
        .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
    java.util.concurrent.CompletableFuture<Integer> status = java.util.concurrent.CompletableFuture.supplyAsync(
        () -> emulator.execute("--flash", dir.resolve("flash.bin").toString(), "--log", dir.resolve("node.log").toString()));
    org.awaitility.Awaitility.await("the announcement").atMost(BOOT).until(() -> out.toString().contains("Ctrl-C"));
    String pts = out.toString().lines().filter(l -> l.startsWith("serial ")).findFirst().orElseThrow().substring(7);
    String control = out.toString().lines().filter(l -> l.startsWith("control ")).findFirst().orElseThrow().substring(8);
    assertTrue(out.toString().contains("mode download"), out.toString());
    Run chip = run(new ChipIdCommand(), "--port", pts, "--before", "no-reset", "--after", "no-reset");
    assertEquals(0, chip.status, chip.out + chip.err);
    try (SideChannel channel = SideChannel.connect(SideChannel.parseAddress(control), Duration.ofSeconds(5))) {
      channel.quit();
    }
    assertEquals(0, status.get(10, java.util.concurrent.TimeUnit.SECONDS), err.toString());
  }

  record Run(int status, String out, String err) {}

  static Run run(Object command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = new CommandLine(command).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
        .execute(args);
    return new Run(status, out.toString(), err.toString());
  }
}
