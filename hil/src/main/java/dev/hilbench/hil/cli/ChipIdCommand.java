package dev.hilbench.hil.cli;

import dev.hilbench.hil.flash.After;
import dev.hilbench.hil.flash.Before;
import dev.hilbench.hil.rom.ChipInfo;
import dev.hilbench.hil.rom.FlashId;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./hilbench chip-id}: esptool's {@code chip-id} and {@code flash-id} in one. */
@Command(name = "chip-id", mixinStandardHelpOptions = true,
    description = {
        "Connect to the ESP8266 ROM bootloader and print chip type, MAC, chip id and the flash chip.",
        "Exit status: 0 read, 1 failed (the message says why, with a hint), 2 bad usage."})
public final class ChipIdCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin PortOptions portOptions;

  @Option(names = "--before", paramLabel = "WHAT", defaultValue = "default-reset", converter = Choices.BeforeConverter.class,
      description = "default-reset or no-reset. Default: ${DEFAULT-VALUE}.")
  Before before;

  @Option(names = "--after", paramLabel = "WHAT", defaultValue = "hard-reset", converter = Choices.AfterConverter.class,
      description = "hard-reset, soft-reset or no-reset. Default: ${DEFAULT-VALUE}.")
  After after;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    return RomSessionCommand.run(portOptions, before, after, out, spec.commandLine().getErr(), (session, events) -> {
      ChipInfo chip = session.chipInfo();
      out.println("Chip ID: " + chip.chipIdText());
      FlashId id = session.flashId();
      out.printf("Manufacturer: %02x%n", id.manufacturer());
      out.printf("Device: %04x%n", id.device());
      out.println("Detected flash size: " + id.size().map(s -> s.label()).orElse("unknown"));
    });
  }
}
