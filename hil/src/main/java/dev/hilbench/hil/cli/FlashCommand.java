package dev.hilbench.hil.cli;

import dev.hilbench.hil.flash.After;
import dev.hilbench.hil.flash.Before;
import dev.hilbench.hil.flash.FlashPlan;
import dev.hilbench.hil.flash.FlashResult;
import dev.hilbench.hil.flash.ImageCheck;
import dev.hilbench.hil.image.FlashFreq;
import dev.hilbench.hil.image.FlashMode;
import dev.hilbench.hil.image.FlashParams;
import dev.hilbench.hil.image.FlashSize;
import dev.hilbench.hil.image.ImageException;
import dev.hilbench.hil.rom.FlashId;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./hilbench flash}: esptool's {@code write-flash --no-stub}, for the ESP8266 ROM. */
@Command(name = "flash", mixinStandardHelpOptions = true,
    description = {
        "Write a firmware image to a NodeMCU (or the virtual one) through the ESP8266 ROM bootloader.",
        "The image is checked before anything is written (0xE9 header, segments, checksum) when it goes"
            + " to offset 0.",
        "Exit status: 0 written, 1 failed (the message says why, with a hint), 2 bad usage."})
public final class FlashCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin PortOptions portOptions;

  @Option(names = "--before", paramLabel = "WHAT", defaultValue = "default-reset", converter = Choices.BeforeConverter.class,
      description = "default-reset (DTR/RTS into the bootloader) or no-reset (already in download mode)."
          + " Default: ${DEFAULT-VALUE}.")
  Before before;

  @Option(names = "--after", paramLabel = "WHAT", defaultValue = "hard-reset", converter = Choices.AfterConverter.class,
      description = "hard-reset (RTS pulse: boot the application), soft-reset (FLASH_END: run the flashed code,"
          + " no lines needed) or no-reset. Default: ${DEFAULT-VALUE}.")
  After after;

  @Option(names = {"-o", "--offset"}, paramLabel = "OFFSET", defaultValue = "0", converter = Choices.NumberConverter.class,
      description = "Flash offset, decimal or 0x hex. Default: 0 (the image the ROM boots).")
  int offset;

  @Option(names = {"-fm", "--flash-mode"}, paramLabel = "MODE", defaultValue = "keep",
      description = "keep, qio, qout, dio or dout: set in the header at offset 0. Default: keep.")
  String flashMode;

  @Option(names = {"-fs", "--flash-size"}, paramLabel = "SIZE", defaultValue = "keep",
      description = "keep, detect, or 256KB..16MB: set in the header at offset 0. Default: keep.")
  String flashSize;

  @Option(names = {"-ff", "--flash-freq"}, paramLabel = "FREQ", defaultValue = "keep",
      description = "keep, 40m, 26m, 20m or 80m: set in the header at offset 0. Default: keep.")
  String flashFreq;

  @Option(names = "--force", description = "Write the file even if it is not a valid image (to see `csum err`).")
  boolean force;

  @Option(names = "--stats", description = "Also print the bytes that crossed the wire (for benchmarks).")
  boolean stats;

  @Parameters(index = "0", paramLabel = "IMAGE", description = "The firmware image (.bin).")
  Path image;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    FlashParams params;
    boolean detectSize = flashSize.equalsIgnoreCase("detect");
    byte[] file;
    try {
      params = new FlashParams(
          flashMode.equalsIgnoreCase("keep") ? Optional.empty() : Optional.of(FlashMode.parse(flashMode)),
          flashSize.equalsIgnoreCase("keep") || detectSize ? Optional.empty() : Optional.of(FlashSize.parse(flashSize)),
          flashFreq.equalsIgnoreCase("keep") ? Optional.empty() : Optional.of(FlashFreq.parse(flashFreq)));
      file = Files.readAllBytes(image);
    } catch (IllegalArgumentException e) {
      err.println("hilbench flash: " + e.getMessage());
      return Failures.USAGE;
    } catch (NoSuchFileException e) {
      err.println("hilbench flash: no such image file: " + image);
      return Failures.USAGE;
    } catch (IOException e) {
      return Failures.report(err, "cannot read " + image + ": " + e.getMessage());
    }
    if (!force) {
      try {
        ImageCheck.check(file, offset, image.getFileName().toString())
            .ifPresent(img -> out.println("Image: " + img.describe()));
      } catch (ImageException e) {
        return Failures.report(err, e.getMessage());
      }
    }
    return RomSessionCommand.run(portOptions, before, after, out, err, (session, events) -> {
      FlashParams header = params;
      if (detectSize) {
        FlashId id = session.flashId();
        FlashSize size = id.size().orElse(FlashSize.SIZE_4MB);
        if (id.size().isEmpty()) {
          events.note(String.format("Warning: Could not auto-detect Flash size (FlashID=0x%x), defaulting to 4MB",
              id.raw()));
        } else {
          events.note("Auto-detected Flash size: " + size.label());
        }
        header = params.withSize(size);
      }
      FlashPlan plan = FlashPlan.prepare(file, offset, header);
      out.printf("Compressed: no (the ROM takes raw 1 KiB blocks); %d bytes to write at 0x%08x%n",
          plan.data().length, plan.offset());
      FlashResult result = session.write(plan, new ProgressBar(out, System.console() != null, plan.offset()));
      out.println(result.summary());
      if (stats) {
        out.printf(Locale.ROOT, "Wire: %d bytes out, %d bytes in, %.3f s%n",
            result.wireBytesOut(), result.wireBytesIn(), result.elapsed().toNanos() / 1e9);
      }
    });
  }
}
