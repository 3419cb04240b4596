package dev.hilbench.simulator.fault;

import java.util.List;
import java.util.function.Function;

/**
 * The fault vocabulary of the design notes: every name, its kind and its parameters. The one
 * place that turns a {@link FaultSpec} into a working fault.
 */
public final class FaultCatalog {

  /** A named fault's implementation: exactly one of the two is set. */
  record Built(DeviceFault device, LinkFault link) {}

  private record Entry(String name, String help, Function<FaultParams, Built> build) {}

  private static final List<Entry> ENTRIES = List.of(
      device("drop", "a reading is generated (takes a seq) but not sent", p -> new Drop()),
      device("sensor_fail", "the DHT read fails: nothing is sent that cycle", p -> new SensorFail()),
      device("coalesce", "count=3: this reading and the next ones in one write",
          p -> new Coalesce(p.integer("count", 3, 2))),
      device("corrupt", "the line goes out mangled (a malformed line)", p -> new Corrupt()),
      device("oversize", "size=300: the line is padded beyond the server's line limit",
          p -> new Oversize(p.integer("size", 300, 1))),
      device("binary", "a byte of the line is replaced by a non-ASCII byte", p -> new Binary()),
      device("silence", "duration=10s: Wi-Fi lost, no FIN; the server sees a half-open connection",
          p -> new Silence(p.millis("duration", 10_000))),
      device("reboot", "link=orphan|fin|rst: restart, seq from 0, new boot id",
          p -> new Reboot(p.choice("link", RebootLink.class, RebootLink.ORPHAN))),
      link("slow_connect", "delay=3000,jitter=0 (ms): a connection attempt takes longer",
          p -> new SlowConnect(p.millis("delay", 3000), p.millis("jitter", 0))),
      link("latency", "latency=100,jitter=0 (ms): every write is held back",
          p -> new Latency(p.millis("latency", 100), p.millis("jitter", 0))),
      link("slicer", "average_size=4,size_variation=2,delay=1000 (µs): partial writes",
          p -> new Slicer(p.integer("average_size", 4, 1), p.integer("size_variation", 2, 0), p.micros("delay", 1000))),
      link("reset_peer", "timeout=5000 (ms),mid_line=false: RST after timeout",
          p -> new ResetPeer(p.millis("timeout", 5000), p.flag("mid_line", false))),
      link("limit_data", "bytes=100: FIN after so many bytes (usually mid-line)",
          p -> new LimitData(p.integer("bytes", 100, 0))),
      link("timeout", "timeout=0 (ms): nothing gets through; closed after timeout, never if 0",
          p -> new Timeout(p.millis("timeout", 0))));

  private FaultCatalog() {}

  private static Entry device(String name, String help, Function<FaultParams, DeviceFault> f) {
    return new Entry(name, help, p -> new Built(f.apply(p), null));
  }

  private static Entry link(String name, String help, Function<FaultParams, LinkFault> f) {
    return new Entry(name, help, p -> new Built(null, f.apply(p)));
  }

  /** Builds the fault a spec names, checking the name and every parameter. */
  static Built build(FaultSpec spec) {
    for (Entry e : ENTRIES) {
      if (e.name.equals(spec.name())) {
        FaultParams params = new FaultParams(spec);
        Built built = e.build.apply(params);
        params.rejectUnknown();
        return built;
      }
    }
    throw new IllegalArgumentException("unknown fault '" + spec.name() + "' (known: " + String.join(", ", names()) + ")");
  }

  public static List<String> names() {
    return ENTRIES.stream().map(Entry::name).toList();
  }

  /** One line per fault: name and parameters with defaults, for {@code --help}. */
  public static String help() {
    StringBuilder s = new StringBuilder();
    for (Entry e : ENTRIES) {
      s.append(String.format("  %-12s %s%n", e.name, e.help));
    }
    return s.toString();
  }
}
