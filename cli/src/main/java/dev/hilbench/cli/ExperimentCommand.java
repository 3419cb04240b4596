package dev.hilbench.cli;

import dev.hilbench.cli.experiment.RestartCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code ./hilbench experiment}: reconnect experiments read as tables and plots; one subcommand per experiment. */
@Command(
    name = "experiment",
    mixinStandardHelpOptions = true,
    description = {"Measures reconnect behaviour and writes it as a table, CSV and charts.", ""},
    subcommands = {RestartCommand.class})
public final class ExperimentCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    // No experiment named: show which there are and count it as bad usage.
    throw new CommandLine.ParameterException(spec.commandLine(), "an experiment is required: restart");
  }
}
