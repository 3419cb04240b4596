package dev.hilbench.hil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.hil.image.ImageBuilder;
import dev.hilbench.hil.ports.PortInfo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The commands' own logic: usage errors (2), failed checks (1), listings and progress. No board needed. */
class CommandLineTest {

  @TempDir Path dir;

  record Run(int status, String out, String err) {}

  static Run run(Object command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = new CommandLine(command).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
        .execute(args);
    return new Run(status, out.toString(), err.toString());
  }

  @Test
  void portsListsWithBridgesMarkedAndSaysWhichIsTheDefault() {
    PortsCommand ports = new PortsCommand(() -> List.of(
        PortInfo.of("/dev/ttyS0", -1, -1, null, "Physical Port S0"),
        PortInfo.of("/dev/ttyUSB0", 0x10C4, 0xEA60, "0001", "CP2102 USB to UART Bridge Controller"),
        new PortInfo("/dev/pts/4", -1, -1, null, "virtual NodeMCU (pid 77)", dev.hilbench.hil.ports.PortKind.PSEUDO_TERMINAL)));
    Run run = run(ports);
    assertEquals(0, run.status());
    assertEquals("""
        PORT          USB ID     SERIAL  KIND              DESCRIPTION
        /dev/ttyS0    -          -       built-in UART     Physical Port S0
        /dev/ttyUSB0  10C4:EA60  0001    NodeMCU (CP2102)  CP2102 USB to UART Bridge Controller
        /dev/pts/4    -          -       pseudo-terminal   virtual NodeMCU (pid 77)
        One NodeMCU: the other commands use it when --port is not given.
        """, run.out());
  }

  @Test
  void portsWithNothingPluggedInSaysWhatToCheck() {
    Run run = run(new PortsCommand(List::of));
    assertEquals(0, run.status());
    assertTrue(run.out().startsWith("No serial ports found."), run.out());
  }

  @Test
  void aMissingImageIsBadUsage() {
    Run run = run(new FlashCommand(), "--port", "/dev/ttyUSB9", dir.resolve("nope.bin").toString());
    assertEquals(2, run.status());
    assertTrue(run.err().contains("no such image file: " + dir.resolve("nope.bin")), run.err());
  }

  @Test
  void unknownOptionValuesAreBadUsage() throws Exception {
    Path image = Files.write(dir.resolve("fw.bin"), new ImageBuilder().segment(0x40100000, new byte[8]).build());
    Run before = run(new FlashCommand(), "--before", "sideways", image.toString());
    assertEquals(2, before.status());
    assertTrue(before.err().contains("expected default-reset or no-reset, got 'sideways'"), before.err());
    Run size = run(new FlashCommand(), "--flash-size", "3MB", image.toString());
    assertEquals(2, size.status());
    assertTrue(size.err().contains("unknown flash size '3MB'"), size.err());
    Run offset = run(new FlashCommand(), "--offset", "0x1g", image.toString());
    assertEquals(2, offset.status());
    assertTrue(offset.err().contains("expected a number (decimal or 0x hex), got '0x1g'"), offset.err());
  }

  @Test
  void aCorruptImageFailsBeforeAnyPortIsTouched() throws Exception {
    byte[] image = new ImageBuilder().segment(0x40100000, new byte[8]).build();
    image[18] ^= 0x10;
    Path file = Files.write(dir.resolve("bad.bin"), image);
    Run run = run(new FlashCommand(), "--port", "/dev/ttyUSB-not-there", file.toString());
    assertEquals(1, run.status());
    assertTrue(run.err().startsWith("hilbench: bad.bin is not a valid ESP8266 image: checksum mismatch"), run.err());
    assertTrue(!run.err().contains("cannot open"), "the port was never opened: " + run.err());
  }

  @Test
  void aPortThatIsNotThereFailsWithItsDiagnosis() throws Exception {
    Path image = Files.write(dir.resolve("fw.bin"), new ImageBuilder().segment(0x40100000, new byte[8]).build());
    Run run = run(new FlashCommand(), "--port", "/dev/ttyUSB-not-there", image.toString());
    assertEquals(1, run.status());
    assertTrue(run.err().contains("cannot open /dev/ttyUSB-not-there: no such port."), run.err());
    Run chip = run(new ChipIdCommand(), "--port", "3");
    assertEquals(1, chip.status());
    assertTrue(chip.err().contains("never by index"), chip.err());
  }

  @Test
  void romEmulatorWithoutItsFlashFileIsBadUsage() {
    Run run = run(new RomEmulatorCommand());
    assertEquals(2, run.status());
    assertTrue(run.err().contains("Missing required option: '--flash=FILE'"), run.err());
  }

  @Test
  void theProgressBarWritesATenthAtATimeOutsideATerminal() {
    StringWriter text = new StringWriter();
    ProgressBar bar = new ProgressBar(new PrintWriter(text), false, 0x1000);
    for (int done = 0; done <= 10240; done += 1024) {
      bar.written(done, 10240);
    }
    assertEquals(11, text.toString().lines().count(), text.toString());
    assertTrue(text.toString().startsWith("Writing at 0x00001000... (0 %)\nWriting at 0x00001400... (10 %)\n"));
    assertTrue(text.toString().endsWith("Writing at 0x00003800... (100 %)\n"), text.toString());
  }

  @Test
  void theProgressBarRedrawsInPlaceOnATerminal() {
    StringWriter text = new StringWriter();
    ProgressBar bar = new ProgressBar(new PrintWriter(text), true, 0);
    bar.written(0, 2048);
    bar.written(1024, 2048);
    bar.written(2048, 2048);
    assertEquals("\rWriting at 0x00000000 [..............................]   0 %"
        + "\rWriting at 0x00000400 [###############...............]  50 %"
        + "\rWriting at 0x00000800 [##############################] 100 %" + System.lineSeparator(), text.toString());
  }
}
