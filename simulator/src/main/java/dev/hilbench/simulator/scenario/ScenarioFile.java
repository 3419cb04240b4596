package dev.hilbench.simulator.scenario;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.hilbench.protocol.fault.FaultError;
import dev.hilbench.protocol.fault.FaultSpecException;
import dev.hilbench.simulator.DeliveryMode;
import dev.hilbench.simulator.Durations;
import dev.hilbench.simulator.Jitter;
import dev.hilbench.simulator.NodeGroup;
import dev.hilbench.simulator.NodeProfile;
import dev.hilbench.simulator.fault.FaultSet;
import dev.hilbench.simulator.fault.FaultSpec;
import dev.hilbench.simulator.fault.RebootLink;
import dev.hilbench.simulator.net.HostPort;
import dev.hilbench.simulator.net.SourceAddresses;
import dev.hilbench.simulator.policy.BackoffSettings;
import dev.hilbench.simulator.policy.PolicyKind;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a scenario from YAML (the format is documented in {@code docs/simulator.md}). An unknown
 * key, a bad value or a missing field is an error naming where it is: the line and column for
 * what YAML itself rejects, the path ({@code groups[1].reconnect.base}) for a value out of place.
 */
public final class ScenarioFile {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  // The file's shape, as written; values stay text until checked with their path.
  record RawScenario(Long seed, String duration, String server, Double rampUp, String sources, Integer threads,
      RawProfile defaults, List<RawGroup> groups, List<RawEvent> events) {}

  record RawProfile(String interval, String jitter, String delivery, Integer buffer, Boolean hello, String firmware,
      String association, RawReconnect reconnect, List<String> faults) {}

  record RawGroup(String name, Integer count, String interval, String jitter, String delivery, Integer buffer,
      Boolean hello, String firmware, String association, RawReconnect reconnect, List<String> faults) {}

  record RawReconnect(String policy, String base, String cap, Double multiplier, String resetAfter, String connectTimeout) {}

  record RawEvent(String at, String action, String group, Double fraction, Integer count, String duration,
      String link, List<String> faults) {}

  private ScenarioFile() {}

  public static Scenario read(Path file) throws IOException {
    try (Reader r = Files.newBufferedReader(file)) {
      return read(r, file.toString());
    }
  }

  /** A scenario shipped with the simulator, e.g. {@code demo} (the fleet of {@code ./hilbench demo}). */
  public static Scenario builtIn(String name) throws IOException {
    String resource = "/dev/hilbench/simulator/scenarios/" + name + ".yaml";
    try (java.io.InputStream in = ScenarioFile.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("no built-in scenario '" + name + "' (" + resource + ")");
      }
      return read(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8), name + ".yaml");
    }
  }

  public static Scenario parse(String yaml) {
    try {
      return read(new StringReader(yaml), "scenario");
    } catch (IOException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private static Scenario read(Reader reader, String name) throws IOException {
    RawScenario raw;
    try {
      raw = YAML.readValue(reader, RawScenario.class);
    } catch (com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e) {
      throw new IOException(name + ": " + where(e) + path(e) + ": unknown key '" + e.getPropertyName() + "' (known: "
          + e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList() + ")", e);
    } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
      throw new IOException(name + ": " + where(e) + path(e) + ": expected " + shape(e.getTargetType(), inFaults(e)), e);
    } catch (JsonMappingException e) {
      throw new IOException(name + ": " + where(e) + path(e) + ": " + e.getOriginalMessage().split("\n")[0], e);
    } catch (JacksonException e) {
      throw new IOException(name + ": " + where(e) + "not valid YAML: " + e.getOriginalMessage(), e);
    }
    if (raw == null) {
      throw new IOException(name + ": empty scenario");
    }
    try {
      return resolve(raw);
    } catch (IllegalArgumentException e) {
      throw new IOException(name + ": " + e.getMessage(), e);
    }
  }

  /** {@code groups[1].reconnect} from Jackson's reference path. */
  private static String path(JsonMappingException e) {
    StringBuilder s = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        s.append(s.isEmpty() ? "" : ".").append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        s.append('[').append(r.getIndex()).append(']');
      }
    }
    return s.isEmpty() ? "top level" : s.toString();
  }

  private static String shape(Class<?> type, boolean inFaults) {
    if (type == null) {
      return "another kind of value";
    }
    if (type == RawGroup.class) {
      return "a group: a mapping with name, count and profile keys";
    }
    if (type == RawReconnect.class) {
      return "a mapping with policy, base, cap, multiplier, reset_after, connect_timeout";
    }
    if (type == RawEvent.class) {
      return "an event: a mapping with at, action and more";
    }
    if (type == String.class && inFaults) {
      return "a fault spec, NAME[=PROBABILITY][,KEY=VALUE...], e.g. drop=0.05 or slicer=0.5,average_size=3";
    }
    if (type == RawProfile.class || type == RawScenario.class || Map.class.isAssignableFrom(type)) {
      return "a mapping (key: value)";
    }
    if (List.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (Number.class.isAssignableFrom(type)) {
      return "a number";
    }
    if (type == Boolean.class) {
      return "true or false";
    }
    return "a single value";
  }

  private static boolean inFaults(JsonMappingException e) {
    return e.getPath().stream().anyMatch(r -> "faults".equals(r.getFieldName()));
  }

  private static String where(JacksonException e) {
    return e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": ";
  }

  static Scenario resolve(RawScenario raw) {
    NodeProfile base = NodeProfile.CLASSROOM;
    if (raw.defaults() != null) {
      RawProfile d = raw.defaults();
      base = profile(base, "defaults", d.interval(), d.jitter(), d.delivery(), d.buffer(), d.hello(), d.firmware(),
          d.association(), d.reconnect(), d.faults());
    }
    if (raw.groups() == null || raw.groups().isEmpty()) {
      throw new IllegalArgumentException("groups: at least one group of nodes is required");
    }
    List<NodeGroup> groups = new ArrayList<>();
    for (int i = 0; i < raw.groups().size(); i++) {
      RawGroup g = raw.groups().get(i);
      String at = "groups[" + i + "]";
      if (g.name() == null) {
        throw new IllegalArgumentException(at + ".name is required");
      }
      if (g.count() == null) {
        throw new IllegalArgumentException(at + ".count is required (how many nodes)");
      }
      NodeProfile p = profile(base, at, g.interval(), g.jitter(), g.delivery(), g.buffer(), g.hello(), g.firmware(),
          g.association(), g.reconnect(), g.faults());
      groups.add(check(at, () -> new NodeGroup(g.name(), g.count(), p)));
    }
    List<String> names = groups.stream().map(NodeGroup::name).toList();
    List<TimedEvent> events = new ArrayList<>();
    List<RawEvent> rawEvents = raw.events() == null ? List.of() : raw.events();
    for (int i = 0; i < rawEvents.size(); i++) {
      events.add(event("events[" + i + "]", rawEvents.get(i), names));
    }
    InetSocketAddress server = raw.server() == null ? null : check("server", () -> HostPort.parse(raw.server()));
    return new Scenario(raw.seed(), raw.duration() == null ? null : duration("duration", raw.duration()), server, groups,
        raw.rampUp() == null ? 0 : raw.rampUp(),
        raw.sources() == null ? new SourceAddresses.PerNode() : check("sources", () -> SourceAddressesParser.parse(raw.sources())),
        raw.threads() == null ? 1 : raw.threads(), events);
  }

  private static NodeProfile profile(NodeProfile p, String at, String interval, String jitter, String delivery,
      Integer buffer, Boolean hello, String firmware, String association, RawReconnect reconnect,
      List<String> faults) {
    NodeProfile r = p;
    if (interval != null) {
      Duration d = duration(at + ".interval", interval);
      r = check(at + ".interval", () -> p.withInterval(d));
    }
    NodeProfile r1 = r;
    if (jitter != null) {
      r = check(at + ".jitter", () -> r1.withJitter(Jitter.parse(jitter)));
    }
    NodeProfile r2 = r;
    if (delivery != null) {
      r = check(at + ".delivery", () -> r2.withDelivery(DeliveryMode.parse(delivery)));
    }
    NodeProfile r3 = r;
    if (buffer != null) {
      r = check(at + ".buffer", () -> r3.withBuffer(buffer));
    }
    NodeProfile r4 = r;
    if (hello != null) {
      r = check(at + ".hello", () -> r4.withHello(hello));
    }
    NodeProfile r5 = r;
    if (firmware != null) {
      r = check(at + ".firmware", () -> new NodeProfile(r5.interval(), r5.jitter(), r5.delivery(), r5.buffer(), r5.hello(),
          firmware, r5.reconnect(), r5.association(), r5.faults()));
    }
    NodeProfile r6 = r;
    if (association != null) {
      Duration d = duration(at + ".association", association);
      r = check(at + ".association", () -> r6.withAssociation(d));
    }
    NodeProfile r7 = r;
    if (reconnect != null) {
      r = r7.withReconnect(reconnect(at + ".reconnect", r7.reconnect(), reconnect));
    }
    NodeProfile r8 = r;
    if (faults != null) {
      // A group's faults add to the defaults' faults.
      r = r8.withFaults(r8.faults().plus(faults(at + ".faults", faults)));
    }
    return r;
  }

  static BackoffSettings reconnect(String at, BackoffSettings b, RawReconnect raw) {
    BackoffSettings r = b;
    if (raw.policy() != null) {
      BackoffSettings x = r;
      r = check(at + ".policy", () -> x.withKind(PolicyKind.parse(raw.policy())));
    }
    if (raw.base() != null) {
      BackoffSettings x = r;
      Duration d = duration(at + ".base", raw.base());
      r = check(at + ".base", () -> x.withBase(d));
    }
    if (raw.cap() != null) {
      BackoffSettings x = r;
      Duration d = duration(at + ".cap", raw.cap());
      r = check(at + ".cap", () -> x.withCap(d));
    }
    if (raw.multiplier() != null) {
      BackoffSettings x = r;
      r = check(at + ".multiplier", () -> x.withMultiplier(raw.multiplier()));
    }
    if (raw.resetAfter() != null) {
      BackoffSettings x = r;
      Duration d = duration(at + ".reset_after", raw.resetAfter());
      r = check(at + ".reset_after", () -> x.withResetAfter(d));
    }
    if (raw.connectTimeout() != null) {
      BackoffSettings x = r;
      Duration d = duration(at + ".connect_timeout", raw.connectTimeout());
      r = check(at + ".connect_timeout", () -> x.withConnectTimeout(d));
    }
    return r;
  }

  /** A list of fault specs in the shared text form ({@code drop=0.05}, {@code coalesce,count=3}), one per item. */
  static FaultSet faults(String at, List<String> list) {
    List<FaultSpec> specs = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String here = at + "[" + i + "]";
      String text = list.get(i);
      if (text == null) {
        throw new IllegalArgumentException(here + ": a fault spec is required, e.g. drop=0.05 or slicer=0.5,average_size=3");
      }
      try {
        specs.add(FaultSpec.parse(text));
      } catch (FaultSpecException e) {
        // In a flow list, [slicer=1,average_size=2] is two items: the second has no fault's name.
        boolean splitByYaml = e.error() == FaultError.UNKNOWN_FAULT && i > 0 && text.contains("=");
        throw new IllegalArgumentException(here + ": " + e.getMessage() + (splitByYaml
            ? "; inside [ ] a comma separates list items: quote the spec or write one spec per line, - " + list.get(i - 1) + "," + text
            : ""), e);
      }
    }
    return check(at, () -> new FaultSet(specs));
  }

  private static TimedEvent event(String at, RawEvent e, List<String> groups) {
    if (e.at() == null) {
      throw new IllegalArgumentException(at + ".at is required (time into the run, e.g. 30s)");
    }
    if (e.action() == null) {
      throw new IllegalArgumentException(at + ".action is required (reboot, silence or faults)");
    }
    TimedEvent.Action action = check(at + ".action", () -> {
      try {
        return TimedEvent.Action.valueOf(e.action().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException x) {
        throw new IllegalArgumentException("unknown action '" + e.action() + "' (known: reboot, silence, faults)");
      }
    });
    if (e.group() != null && !groups.contains(e.group())) {
      throw new IllegalArgumentException(at + ".group: no group '" + e.group() + "' (groups: " + groups + ")");
    }
    double fraction = e.fraction() == null ? 1.0 : e.fraction();
    if (fraction < 0 || fraction > 1) {
      throw new IllegalArgumentException(at + ".fraction must be between 0 and 1, got " + fraction);
    }
    int count = e.count() == null ? 0 : e.count();
    Duration duration = Duration.ofSeconds(10);
    if (e.duration() != null) {
      duration = duration(at + ".duration", e.duration());
    } else if (action == TimedEvent.Action.SILENCE) {
      throw new IllegalArgumentException(at + ".duration is required for a silence");
    }
    RebootLink link = e.link() == null ? RebootLink.ORPHAN : check(at + ".link", () -> RebootLink.valueOf(e.link().toUpperCase(Locale.ROOT)));
    FaultSet faults = FaultSet.NONE;
    if (action == TimedEvent.Action.FAULTS) {
      if (e.faults() == null) {
        throw new IllegalArgumentException(at + ".faults is required for a faults action (an empty list clears them)");
      }
      faults = faults(at + ".faults", e.faults());
    }
    return new TimedEvent(duration(at + ".at", e.at()), action, e.group(), fraction, count, duration, link, faults);
  }

  private static Duration duration(String at, String text) {
    return check(at, () -> Durations.parse(text));
  }

  private interface Checked<T> {
    T get();
  }

  /** Runs a check; its complaint gets the path in front. */
  private static <T> T check(String at, Checked<T> c) {
    try {
      return c.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(at + ": " + e.getMessage(), e);
    }
  }
}
