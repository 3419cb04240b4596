package dev.hilbench.cli;

import dev.hilbench.hil.cli.ChipIdCommand;
import dev.hilbench.hil.cli.FlashCommand;
import dev.hilbench.hil.cli.MonitorCommand;
import dev.hilbench.hil.cli.PortsCommand;
import dev.hilbench.hil.cli.RomEmulatorCommand;
import dev.hilbench.server.cli.ExportCommand;
import dev.hilbench.server.cli.ServeCommand;
import dev.hilbench.simulator.cli.SimulateCommand;
import dev.hilbench.simulator.proxy.ProxyCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./hilbench}: one entry point, one subcommand per job.
 *
 * <p>Exit status: 0 on success, 1 on a failed run or check, 2 on bad usage (picocli's defaults
 * for a usage error and for an exception, kept on purpose).
 */
@Command(
    name = "hilbench",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Hardware-in-the-loop simulation and test harness for NodeMCU (ESP8266) + DHT11 nodes.",
    subcommands = {
      // the jobs that combine modules
      DemoCommand.class,
      BenchCommand.class,
      ReconcileCommand.class,
      ExperimentCommand.class,
      // server
      ServeCommand.class,
      ExportCommand.class,
      // simulator
      SimulateCommand.class,
      ProxyCommand.class,
      // hil
      PortsCommand.class,
      FlashCommand.class,
      ChipIdCommand.class,
      MonitorCommand.class,
      RomEmulatorCommand.class,
      CommandLine.HelpCommand.class,
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line; tests call this to run subcommands in process. */
  public static CommandLine commandLine() {
    return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
  }

  @Override
  public void run() {
    // No subcommand given: show what there is and count it as bad usage.
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }
}
