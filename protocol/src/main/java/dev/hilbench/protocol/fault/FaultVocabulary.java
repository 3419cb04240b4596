package dev.hilbench.protocol.fault;

import static dev.hilbench.protocol.fault.FaultParam.MAX_NUMBER;
import static dev.hilbench.protocol.fault.FaultParam.choice;
import static dev.hilbench.protocol.fault.FaultParam.flag;
import static dev.hilbench.protocol.fault.FaultParam.number;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every fault of the design notes, with its parameters, units, defaults and ranges: the one
 * definition the simulator, the proxy and the docs read (the firmware keeps a C++ copy of the
 * table, held to it by the shared vector file). Network faults have Toxiproxy's names and
 * parameters, and a {@code stream}; the defaults are the simulator's.
 */
public final class FaultVocabulary {

  /** Where a network fault acts: Toxiproxy's {@code stream}. Upstream is where a node's readings go. */
  public static final String STREAM = "stream";

  private static final long ONE_DAY_MS = 86_400_000L;

  /** Help lines are indented by 16 (the name's column) and end before column 80. */
  private static final int HELP_TEXT_WIDTH = 80 - 16;

  private static final List<FaultDefinition> FAULTS = List.of(
      device("drop", "a reading is generated (it takes a seq) but not sent"),
      device("sensor_fail", "the DHT read fails: nothing is sent that cycle"),
      device("coalesce", "this reading and the next count-1 go out in one write",
          number("count", Unit.READINGS, 3L, 2, 16)),
      device("corrupt", "the line goes out mangled: a malformed line"),
      device("oversize", "the line is padded to size bytes, past the server's line limit (256 by default)",
          number("size", Unit.BYTES, 300L, 1, 65_536)),
      device("binary", "bytes of the line are replaced by bytes outside printable ASCII"),
      device("silence", "Wi-Fi is lost for duration after this cycle: nothing sent or read, no FIN (half-open)",
          number("duration", Unit.MILLISECONDS, 10_000L, 1, ONE_DAY_MS)),
      device("reboot", "the node restarts after this cycle: seq from 0, a new boot id; link: what its connection sees",
          choice("link", "orphan", "orphan", "fin", "rst")),
      device("slow_connect", "a connection attempt waits delay +/- jitter first (slow DHCP or association)",
          number("delay", Unit.MILLISECONDS, 3_000L, 0, ONE_DAY_MS), number("jitter", Unit.MILLISECONDS, 0L, 0, ONE_DAY_MS)),
      network("latency", "every chunk is held back latency +/- jitter",
          number("latency", Unit.MILLISECONDS, 100L, 0, ONE_DAY_MS), number("jitter", Unit.MILLISECONDS, 0L, 0, ONE_DAY_MS)),
      network("bandwidth", "bytes pass no faster than rate (1 KB = 1000 bytes)",
          number("rate", Unit.KILOBYTES_PER_SECOND, null, 1, MAX_NUMBER)),
      network("slicer", "partial writes: pieces of average_size +/- size_variation bytes, delay apart",
          number("average_size", Unit.BYTES, 4L, 1, 65_536), number("size_variation", Unit.BYTES, 2L, 0, 65_536),
          number("delay", Unit.MICROSECONDS, 1_000L, 0, MAX_NUMBER)),
      network("timeout", "black hole: nothing passes, not even a FIN; closed after timeout, never if 0 (half-open)",
          number("timeout", Unit.MILLISECONDS, 0L, 0, ONE_DAY_MS)),
      network("reset_peer", "the connection is reset (RST) after timeout; mid_line: halfway through the next write",
          number("timeout", Unit.MILLISECONDS, 5_000L, 0, ONE_DAY_MS), flag("mid_line", false)),
      network("limit_data", "the connection is closed (FIN) after that many bytes: usually mid-line",
          number("bytes", Unit.BYTES, 100L, 0, MAX_NUMBER)),
      new FaultDefinition("down", FaultKind.NETWORK, List.of(),
          "the proxy refuses connections and closes every link (Toxiproxy's enabled=false)"));

  private FaultVocabulary() {}

  private static FaultDefinition device(String name, String help, FaultParam... params) {
    return new FaultDefinition(name, FaultKind.DEVICE, List.of(params), help);
  }

  /** A toxic of a link, which also takes the direction it acts on. */
  private static FaultDefinition network(String name, String help, FaultParam... params) {
    List<FaultParam> all = new ArrayList<>(List.of(params));
    all.add(choice(STREAM, "upstream", "upstream", "downstream"));
    return new FaultDefinition(name, FaultKind.NETWORK, all, help);
  }

  /** Every fault: the device faults, then the network faults. */
  public static List<FaultDefinition> all() {
    return FAULTS;
  }

  public static Optional<FaultDefinition> find(String name) {
    return FAULTS.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  public static List<String> names() {
    return FAULTS.stream().map(FaultDefinition::name).toList();
  }

  public static List<String> names(FaultKind kind) {
    return FAULTS.stream().filter(f -> f.kind() == kind).map(FaultDefinition::name).toList();
  }

  /** {@link #helpLines(java.util.Collection)} for every fault of a kind. */
  public static List<String> helpLines(FaultKind kind) {
    return helpLines(names(kind));
  }

  /**
   * Help text for a terminal, for the faults named (in the vocabulary's order), each indented
   * and wrapped to 80 columns: the parameters with their defaults, then what the fault does.
   *
   * <pre>
   *   coalesce      count=3 readings
   *                 this reading and the next count-1 go out in one write
   * </pre>
   */
  public static List<String> helpLines(java.util.Collection<String> faultNames) {
    List<String> lines = new ArrayList<>();
    for (FaultDefinition f : FAULTS) {
      if (!faultNames.contains(f.name())) {
        continue;
      }
      List<String> text = new ArrayList<>();
      if (!f.params().isEmpty()) {
        text.addAll(HelpText.wrap(f.paramsSummary(), HELP_TEXT_WIDTH));
      }
      text.addAll(HelpText.wrap(f.help(), HELP_TEXT_WIDTH));
      for (int i = 0; i < text.size(); i++) {
        lines.add(String.format("  %-13s %s", i == 0 ? f.name() : "", text.get(i)).stripTrailing());
      }
    }
    return lines;
  }

  /** The vocabulary as the Markdown table of {@code docs/faults.md}. */
  public static String markdownTable() {
    StringBuilder s = new StringBuilder();
    s.append("| fault | kind | parameter | unit | default | range | effect |\n");
    s.append("|---|---|---|---|---|---|---|\n");
    for (FaultDefinition f : FAULTS) {
      if (f.params().isEmpty()) {
        s.append(row("`" + f.name() + "`", f.kind().label(), "", "", "", "", f.help()));
        continue;
      }
      for (int i = 0; i < f.params().size(); i++) {
        FaultParam p = f.params().get(i);
        String unit = p.unit() == null ? "" : p.unit().symbol();
        String dflt = p.required() ? "required" : "`" + p.defaultValue() + "`";
        String range = p.type() == FaultParam.Type.NUMBER ? p.min() + " .. " + String.format("%,d", p.max())
            : String.join(" \\| ", p.choices().stream().map(c -> "`" + c + "`").toList());
        s.append(row(i == 0 ? "`" + f.name() + "`" : "", i == 0 ? f.kind().label() : "", "`" + p.name() + "`", unit,
            dflt, range, i == 0 ? f.help() : ""));
      }
    }
    return s.toString();
  }

  private static String row(String... cells) {
    return "| " + String.join(" | ", cells) + " |\n";
  }
}
