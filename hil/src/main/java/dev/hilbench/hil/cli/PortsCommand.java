package dev.hilbench.hil.cli;

import dev.hilbench.hil.ports.AllPorts;
import dev.hilbench.hil.ports.PortInfo;
import dev.hilbench.hil.ports.PortSource;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ./hilbench ports}: what can be flashed or monitored, and which of it is a NodeMCU. */
@Command(name = "ports", mixinStandardHelpOptions = true,
    description = {
        "List serial ports, marking NodeMCU boards and running virtual NodeMCUs.",
        "Each port with path, USB id, serial number and description; NodeMCU bridges (CP2102, CH340,"
            + " FTDI) are marked, and running virtual NodeMCUs are shown with their pseudo-terminal.",
        "Choose a port for the other commands by path or serial number (--port), never by position."})
public final class PortsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  private final PortSource source;

  public PortsCommand() {
    this(AllPorts.system());
  }

  PortsCommand(PortSource source) {
    this.source = source;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<PortInfo> ports = source.list();
    out.print(PortTable.render(ports));
    long boards = ports.stream().filter(PortInfo::looksLikeNodeMcu).count();
    if (boards == 1) {
      out.println("One NodeMCU: the other commands use it when --port is not given.");
    } else if (boards > 1) {
      out.println(boards + " NodeMCUs: name one with --port PATH or --port SERIAL.");
    }
    out.flush();
    return 0;
  }
}
