package dev.hilbench.hil.cli;

import dev.hilbench.hil.virtual.VirtualNodeMcu;
import dev.hilbench.hil.virtual.VirtualNodeMcuBinary;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./hilbench rom-emulator}: a virtual NodeMCU waiting in download mode, for any flashing tool. */
@Command(name = "rom-emulator", mixinStandardHelpOptions = true,
    description = {
        "Start the virtual NodeMCU in download mode, for any flashing tool to try.",
        "Its ROM bootloader waits on a pseudo-terminal; the pseudo-terminal and the side channel are"
            + " printed first (serial ..., control ...), and it runs until Ctrl-C or a `quit` on the side"
            + " channel. Flash it with `./hilbench flash` or with esptool (--no-stub --before no-reset);"
            + " what is written stays in the --flash file."})
public final class RomEmulatorCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--flash", required = true, paramLabel = "FILE",
      description = "The emulated SPI flash (created as 4 MB of 0xFF if absent).")
  Path flash;

  @Option(names = "--binary", paramLabel = "PATH",
      description = "The virtual-nodemcu binary. Default: firmware/build/virtual-nodemcu here or in a directory above.")
  Path binary;

  @Option(names = "--pace-baud", paramLabel = "BAUD",
      description = "Limit the pseudo-terminal to BAUD (10 bits a byte) both ways, as a real UART.")
  Integer paceBaud;

  @Option(names = "--chip-id", paramLabel = "HEX", description = "Chip id the board reports (hex).")
  String chipId;

  @Option(names = "--log", paramLabel = "FILE", description = "Where the board's own log goes. Default: a temporary file.")
  Path log;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path program;
    try {
      program = VirtualNodeMcuBinary.locate(binary, Path.of(""));
    } catch (FileNotFoundException e) {
      return Failures.report(err, e.getMessage());
    }
    VirtualNodeMcu.Options options = VirtualNodeMcu.Options.defaults().withFlash(flash).inDownloadMode();
    if (paceBaud != null) {
      options = options.withPaceBaud(paceBaud);
    }
    if (chipId != null) {
      options = options.withChipId(chipId);
    }
    Path logFile = log != null ? log : Files.createTempFile("virtual-nodemcu-", ".log");
    VirtualNodeMcu board;
    try {
      board = VirtualNodeMcu.start(program, options, logFile);
    } catch (IOException e) {
      return Failures.report(err, e.getMessage());
    }
    Thread stopper = new Thread(() -> {
      try {
        board.close();
      } catch (IOException e) {
        err.println("hilbench rom-emulator: stopping the virtual NodeMCU: " + e.getMessage());
        err.flush();
      }
    }, "rom-emulator-stop");
    Runtime.getRuntime().addShutdownHook(stopper);
    String control = board.controlAddress().getHostString() + ":" + board.controlAddress().getPort();
    out.println("serial " + board.serialPath());
    out.println("control " + control);
    out.println("mode " + board.announcedMode());
    out.println();
    out.println("Virtual NodeMCU (pid " + board.pid() + ") in download mode; flash file " + flash
        + "; its log: " + logFile);
    out.println("Flash it with:  ./hilbench flash --port " + board.serialPath() + " --control " + control
        + " IMAGE.bin");
    out.println("or with esptool: esptool --port " + board.serialPath()
        + " --before no-reset --after soft-reset --no-stub write-flash 0 IMAGE.bin");
    out.println("Ctrl-C stops it.");
    out.flush();
    int status = board.waitFor();
    try {
      Runtime.getRuntime().removeShutdownHook(stopper);
    } catch (IllegalStateException e) {
      // already shutting down: the hook runs anyway
    }
    if (status != 0) {
      return Failures.report(err, "the virtual NodeMCU exited with status " + status + "; its log " + logFile
          + " ends with:\n" + board.logTail());
    }
    return 0;
  }
}
