package dev.hilbench.cli.experiment;

import dev.hilbench.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs {@code ./hilbench ...} in process and keeps what it printed. */
record ExperimentCommandRun(int exit, String out, String err) {

  static ExperimentCommandRun of(String... args) {
    StringWriter out = new StringWriter(), err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new ExperimentCommandRun(exit, out.toString(), err.toString());
  }

  @Override
  public String toString() {
    return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
  }
}
