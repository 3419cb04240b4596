package dev.hilbench.hil.cli;

import picocli.CommandLine.Option;

/** The options every command that talks to a board shares. */
public final class PortOptions {

  @Option(names = {"-p", "--port"}, paramLabel = "PORT",
      description = "Serial port: a path (/dev/ttyUSB0, /dev/pts/3, COM3) or a USB serial number."
          + " Default: the only NodeMCU plugged in. Never an index.")
  String port;

  @Option(names = {"-b", "--baud"}, paramLabel = "BAUD", defaultValue = "115200",
      description = "Baud rate (default: ${DEFAULT-VALUE}; the ESP8266 ROM auto-bauds, 115200 is safe).")
  int baud;

  @Option(names = "--control", paramLabel = "HOST:PORT",
      description = "The virtual NodeMCU's side channel (printed by rom-emulator): resets go through it,"
          + " since a pseudo-terminal has no DTR/RTS.")
  String control;

  @Option(names = "--trace", paramLabel = "FILE",
      description = "Record every byte and line change to FILE (a trace a test can replay).")
  java.nio.file.Path trace;
}
