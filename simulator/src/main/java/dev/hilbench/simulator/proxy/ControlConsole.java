package dev.hilbench.simulator.proxy;

import dev.hilbench.protocol.fault.FaultSpec;
import dev.hilbench.simulator.net.HostPort;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * The proxy's control on standard input: one command a line, one reply. A bad command gets an
 * error reply and changes nothing; the proxy goes on.
 */
final class ControlConsole {

  static final String HELP = String.join("\n", List.of(
      "commands (fault ... is the firmware console's command, with the same specs):",
      "  fault SPEC         add a fault: a toxic for the links, or down; e.g.",
      "                     fault latency,latency=200,stream=downstream",
      "  fault              the faults in effect (as list)",
      "  fault clear [NAME] remove every fault (and come up if down), or those named",
      "  add SPEC           the same as fault SPEC",
      "  remove ID          remove toxic #ID (as list shows it)",
      "  clear [NAME]       the same as fault clear [NAME]",
      "  down               stop listening, close every link (the same as fault down)",
      "  up                 listen again on the same port",
      "  list               the faults in effect",
      "  stats              the counter line",
      "  quit               stop the proxy",
      "faults (SPEC is NAME[=PROBABILITY][,KEY=VALUE...]: PROBABILITY, 0..1 and 1 if",
      "omitted, is the toxicity, rolled once per link; docs/faults.md):")) + "\n"
      + String.join("\n", ProxyFault.help());

  /** A reply, and whether the proxy should stop. */
  record Reply(String text, boolean quit) {}

  private final Proxy proxy;

  ControlConsole(Proxy proxy) {
    this.proxy = proxy;
  }

  Reply handle(String line) {
    String trimmed = line.trim();
    int space = trimmed.indexOf(' ');
    String command = (space < 0 ? trimmed : trimmed.substring(0, space)).toLowerCase(Locale.ROOT);
    String argument = space < 0 ? "" : trimmed.substring(space + 1).trim();
    try {
      return switch (command) {
        case "" -> new Reply("", false);
        case "fault" -> reply(fault(argument));
        case "add" -> reply(add(argument));
        case "remove", "rm" -> reply(remove(argument));
        case "clear" -> reply(clear(argument));
        case "down" -> {
          proxy.setDown(true);
          yield reply("down: not listening, links closed");
        }
        case "up" -> {
          proxy.setDown(false);
          yield reply("up: listening on " + HostPort.format(proxy.address()));
        }
        case "list", "ls" -> reply(list());
        case "stats" -> reply("counters: " + proxy.stats().line());
        case "help", "?" -> reply(HELP);
        case "quit", "exit" -> new Reply("quitting", true);
        default -> reply("error: unknown command '" + command + "' (help lists them)");
      };
    } catch (IllegalArgumentException | IllegalStateException | IOException e) {
      return reply("error: " + e.getMessage());
    }
  }

  private static Reply reply(String text) {
    return new Reply(text, false);
  }

  /** {@code fault SPEC}, {@code fault clear [NAME]}, or {@code fault} alone: the list. */
  private String fault(String argument) throws IOException {
    if (argument.isEmpty()) {
      return list();
    }
    if (argument.equals("clear") || argument.startsWith("clear ")) {
      return clear(argument.substring("clear".length()).trim());
    }
    return add(argument);
  }

  private String add(String argument) throws IOException {
    if (argument.isEmpty()) {
      return "error: add needs a fault, e.g. add slicer,average_size=2";
    }
    return ProxyFault.apply(proxy, FaultSpec.parse(argument));
  }

  /** Every fault, or those named {@code name} ({@code down}: the proxy comes up). */
  private String clear(String name) throws IOException {
    if (name.isEmpty()) {
      proxy.clearToxics();
      boolean wasDown = proxy.isDown();
      proxy.setDown(false);
      return "removed every toxic" + (wasDown ? "; up: listening on " + HostPort.format(proxy.address()) : "");
    }
    if (name.equals(ToxicType.DOWN)) {
      proxy.setDown(false);
      return "up: listening on " + HostPort.format(proxy.address());
    }
    ToxicType type = ToxicType.named(name);
    int removed = 0;
    for (ToxicHandle h : proxy.toxics()) {
      if (h.type() == type && proxy.removeToxic(h)) {
        removed++;
      }
    }
    return "removed " + removed + " " + name + " toxic" + (removed == 1 ? "" : "s");
  }

  private String remove(String argument) {
    String id = argument.startsWith("#") ? argument.substring(1) : argument;
    for (ToxicHandle h : proxy.toxics()) {
      if (String.valueOf(h.id()).equals(id)) {
        proxy.removeToxic(h);
        return "removed " + h;
      }
    }
    return "error: no toxic #" + id + " (list shows the toxics in effect)";
  }

  private String list() {
    List<ToxicHandle> toxics = proxy.toxics();
    if (toxics.isEmpty()) {
      return proxy.isDown() ? "down; no toxics" : "no toxics";
    }
    return (proxy.isDown() ? "down\n" : "") + String.join("\n", toxics.stream().map(ToxicHandle::toString).toList());
  }
}
