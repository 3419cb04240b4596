package dev.hilbench.simulator.proxy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The toxics of the proxy, with Toxiproxy's names and parameters (all whole numbers), and the
 * defaults of the simulator's faults of the same names. The one place that checks a toxic's
 * parameters and builds its per-link instances.
 */
public enum ToxicType {

  LATENCY("latency", "every chunk is held back latency +/- jitter ms",
      new Param("latency", 100L, 0, "ms"), new Param("jitter", 0L, 0, "ms")) {
    @Override
    Toxic create(Map<String, Long> p, SplittableRandom random) {
      return new LatencyToxic(p.get("latency"), p.get("jitter"), random);
    }
  },
  BANDWIDTH("bandwidth", "bytes pass no faster than rate KB/s (1 KB = 1000 bytes)",
      new Param("rate", null, 1, "KB/s")) {
    @Override
    Toxic create(Map<String, Long> p, SplittableRandom random) {
      return new BandwidthToxic(p.get("rate"));
    }
  },
  SLICER("slicer", "partial writes: pieces of average_size +/- size_variation bytes, delay us apart",
      new Param("average_size", 4L, 1, "bytes"), new Param("size_variation", 2L, 0, "bytes"),
      new Param("delay", 1000L, 0, "us")) {
    @Override
    Toxic create(Map<String, Long> p, SplittableRandom random) {
      return new SlicerToxic(Math.toIntExact(p.get("average_size")), Math.toIntExact(p.get("size_variation")),
          p.get("delay"), random);
    }
  },
  TIMEOUT("timeout", "black hole: nothing passes (not even a FIN); closed after timeout ms, never if 0 (half-open)",
      new Param("timeout", 0L, 0, "ms")) {
    @Override
    Toxic create(Map<String, Long> p, SplittableRandom random) {
      return new TimeoutToxic(p.get("timeout"));
    }
  },
  RESET_PEER("reset_peer", "the link is reset (RST to both peers) timeout ms after it met the toxic",
      new Param("timeout", 5000L, 0, "ms")) {
    @Override
    Toxic create(Map<String, Long> p, SplittableRandom random) {
      return new ResetPeerToxic(p.get("timeout"));
    }
  },
  LIMIT_DATA("limit_data", "the first bytes bytes pass, then the link is closed",
      new Param("bytes", 100L, 0, "bytes")) {
    @Override
    Toxic create(Map<String, Long> p, SplittableRandom random) {
      return new LimitDataToxic(p.get("bytes"));
    }
  };

  /**
   * One parameter of a toxic.
   *
   * @param name         as in Toxiproxy
   * @param defaultValue null if the parameter is required
   * @param min          smallest value accepted
   * @param unit         for messages and help
   */
  record Param(String name, Long defaultValue, long min, String unit) {}

  /** Far beyond any sensible fault (11 days in ms, 1 TB/s), and safe from overflow in nanoseconds. */
  private static final long MAX_VALUE = 1_000_000_000L;

  private final String toxicName;
  private final String help;
  private final List<Param> params;

  ToxicType(String toxicName, String help, Param... params) {
    this.toxicName = toxicName;
    this.help = help;
    this.params = List.of(params);
  }

  /** A new instance for one direction of one link. */
  abstract Toxic create(Map<String, Long> params, SplittableRandom random);

  /** The name, as Toxiproxy's: {@code latency}, {@code reset_peer}, ... */
  public String toxicName() {
    return toxicName;
  }

  public String help() {
    return help;
  }

  List<Param> params() {
    return params;
  }

  /** {@code average_size=4,size_variation=2,delay=1000 (bytes, bytes, µs)}: the parameters with defaults. */
  public String paramsHelp() {
    List<String> parts = new ArrayList<>();
    List<String> units = new ArrayList<>();
    for (Param p : params) {
      parts.add(p.name() + "=" + (p.defaultValue() == null ? "?" : p.defaultValue()));
      units.add(p.unit());
    }
    return String.join(",", parts) + " (" + String.join(", ", units) + ")";
  }

  /** The type named {@code name}; the error lists the names there are. */
  public static ToxicType named(String name) {
    String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    for (ToxicType t : values()) {
      if (t.toxicName.equals(wanted)) {
        return t;
      }
    }
    List<String> names = new ArrayList<>();
    for (ToxicType t : values()) {
      names.add(t.toxicName);
    }
    throw new IllegalArgumentException("unknown toxic '" + name + "' (known: " + String.join(", ", names) + ")");
  }

  /**
   * Checks {@code given} against this toxic's parameters and fills in the defaults. Every
   * problem names the toxic and the parameter: an unknown name, a missing required value, a
   * value that is not a whole number or is too small.
   */
  public Map<String, Long> resolve(Map<String, ? extends Number> given) {
    Map<String, ? extends Number> in = given == null ? Map.of() : given;
    for (String key : in.keySet()) {
      if (params.stream().noneMatch(p -> p.name().equals(key))) {
        throw new IllegalArgumentException("toxic " + toxicName + ": unknown parameter '" + key + "' (known: "
            + String.join(", ", params.stream().map(Param::name).toList()) + ")");
      }
    }
    Map<String, Long> resolved = new LinkedHashMap<>();
    for (Param p : params) {
      Number value = in.get(p.name());
      if (value == null && p.defaultValue() == null) {
        throw new IllegalArgumentException("toxic " + toxicName + " needs parameter " + p.name() + " (" + p.unit() + ")");
      }
      long v = value == null ? p.defaultValue() : wholeNumber(p, value);
      if (v < p.min() || v > MAX_VALUE) {
        throw new IllegalArgumentException("toxic " + toxicName + ", parameter " + p.name() + ": must be "
            + (v < p.min() ? "at least " + p.min() : "at most " + MAX_VALUE) + " " + p.unit() + ", got " + v);
      }
      resolved.put(p.name(), v);
    }
    return resolved;
  }

  private long wholeNumber(Param p, Number value) {
    try {
      BigDecimal d = value instanceof BigDecimal b ? b
          : value instanceof BigInteger i ? new BigDecimal(i)
          : value instanceof Double || value instanceof Float ? BigDecimal.valueOf(value.doubleValue())
          : BigDecimal.valueOf(value.longValue());
      return d.longValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException("toxic " + toxicName + ", parameter " + p.name() + ": " + value
          + " is not a whole number of " + p.unit());
    }
  }
}
