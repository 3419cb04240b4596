package dev.hilbench.features.target;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where the features run. Only the device-under-test implementation changes between targets;
 * each target names the tags it cannot run, with the reason printed when a run leaves them out.
 */
public enum Target {
  SIMULATOR("simulator", Duration.ofMinutes(1), reasons(
      Tags.NEEDS_FLASH, "simulated nodes have no flash memory and no ROM bootloader",
      Tags.NEEDS_SENSOR_CONTROL, "the simulator's DHT11 drifts like a room: its readings cannot be set")),
  VIRTUAL("virtual", Duration.ofMinutes(3), reasons(
      Tags.FLEET, "hundreds of devices need the simulator: a virtual NodeMCU is one process per device")),
  NODEMCU("nodemcu", null, reasons(
      Tags.FLEET, "hundreds of devices need the simulator: the bench has one board",
      Tags.NEEDS_SENSOR_CONTROL, "a real DHT11 measures the room: its readings cannot be set"));

  /** The system property that selects the target of a run. */
  public static final String PROPERTY = "hilbench.target";

  private final String id;
  private final Duration budget;
  private final Map<String, String> leftOut;

  Target(String id, Duration budget, Map<String, String> leftOut) {
    this.id = id;
    this.budget = budget;
    this.leftOut = leftOut;
  }

  /** The name users type ({@code simulator}, {@code virtual}, {@code nodemcu}). */
  public String id() {
    return id;
  }

  /** How long a run of the whole suite may take on this target; empty where hardware decides. */
  public Optional<Duration> budget() {
    return Optional.ofNullable(budget);
  }

  /** Tag (without {@code @}) to the reason the target cannot run scenarios carrying it. */
  public Map<String, String> leftOut() {
    return leftOut;
  }

  /** The left-out tags as JUnit Platform tags, for a suite's exclude filter. */
  public List<String> excludedTags() {
    return List.copyOf(leftOut.keySet());
  }

  /** A Cucumber tag expression that keeps what this target can run, e.g. {@code not @fleet and not @x}. */
  public String tagExpression() {
    return leftOut.keySet().stream().map(t -> "not @" + t).collect(Collectors.joining(" and "));
  }

  /** The target named by {@code text}, ignoring case; the error lists the known ones. */
  public static Target parse(String text) {
    for (Target t : values()) {
      if (t.id.equalsIgnoreCase(text.trim())) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown target '" + text + "': expected one of "
        + java.util.Arrays.stream(values()).map(Target::id).collect(Collectors.joining(", ")));
  }

  /** The target chosen by the {@value #PROPERTY} system property, the simulator by default. */
  public static Target current() {
    return parse(System.getProperty(PROPERTY, SIMULATOR.id));
  }

  @Override
  public String toString() {
    return id.toLowerCase(Locale.ROOT);
  }

  private static Map<String, String> reasons(String... tagThenReason) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < tagThenReason.length; i += 2) {
      m.put(tagThenReason[i], tagThenReason[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }
}
