package dev.hilbench.simulator.proxy;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * The proxy's control on standard input: one command a line, one reply. A bad command gets an
 * error reply and changes nothing; the proxy goes on.
 */
final class ControlConsole {

  static final String HELP = String.join("\n",
      "commands:",
      "  add TOXIC   add a toxic, e.g. add latency:latency=200,stream=downstream",
      "  remove ID   remove toxic #ID (as list shows it)",
      "  clear       remove every toxic",
      "  down        stop listening and close every link (Toxiproxy's enabled=false)",
      "  up          listen again on the same port",
      "  list        the toxics in effect",
      "  stats       the counter line",
      "  quit        stop the proxy",
      "toxics (TYPE[:KEY=VALUE,...], also stream=upstream|downstream, toxicity=0..1):",
      toxicList());

  private static String toxicList() {
    StringBuilder s = new StringBuilder();
    for (ToxicType t : ToxicType.values()) {
      s.append(String.format("  %-11s %s\n              %s\n", t.toxicName(), t.paramsHelp(), t.help()));
    }
    return s.toString().stripTrailing();
  }

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
        case "add" -> reply(add(argument));
        case "remove", "rm" -> reply(remove(argument));
        case "clear" -> {
          proxy.clearToxics();
          yield reply("removed every toxic");
        }
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

  private String add(String argument) {
    if (argument.isEmpty()) {
      return "error: add needs a toxic, e.g. add slicer:average_size=2";
    }
    return "added " + proxy.addToxic(ToxicSpec.parse(argument));
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
      return "no toxics";
    }
    return String.join("\n", toxics.stream().map(ToxicHandle::toString).toList());
  }
}
