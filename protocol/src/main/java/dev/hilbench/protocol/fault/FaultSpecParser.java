package dev.hilbench.protocol.fault;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The grammar {@code NAME[=PROBABILITY][,KEY=VALUE...]} and the checks against the vocabulary.
 * The checks run left to right and the first problem wins, so every implementation of the
 * grammar (the firmware's too) names the same one.
 */
final class FaultSpecParser {

  static final String FORM = "NAME[=PROBABILITY][,KEY=VALUE...]";

  /** A checked spec, every parameter present: what a {@link FaultSpec} holds. */
  record Resolved(FaultDefinition fault, BigDecimal probability, Map<String, String> params) {}

  private FaultSpecParser() {}

  static Resolved parse(String text) {
    try {
      return parseText(text);
    } catch (Problem p) {
      throw p.in(text);
    }
  }

  private static Resolved parseText(String text) {
    if (text.isEmpty()) {
      throw new Problem(FaultError.EMPTY, "an empty fault spec", "write " + FORM + ", e.g. drop=0.05");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= ' ' || c > '~') {
        throw new Problem(FaultError.BAD_CHAR,
            (c == ' ' ? "a space" : String.format("character U+%04X", (int) c)) + " at column " + (i + 1),
            "a spec is " + FORM + " in printable ASCII without spaces");
      }
    }
    String[] parts = text.split(",", -1);
    int eq = parts[0].indexOf('=');
    FaultDefinition fault = definition(eq < 0 ? parts[0] : parts[0].substring(0, eq));
    BigDecimal probability = eq < 0 ? BigDecimal.ONE : Probability.parse(parts[0].substring(eq + 1));
    Map<String, String> given = new LinkedHashMap<>();
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i];
      int at = part.indexOf('=');
      if (at <= 0) {
        throw new Problem(FaultError.BAD_PARAM, part.isEmpty() ? "an empty parameter (a stray comma)" : "'" + part + "' is not KEY=VALUE", null);
      }
      String key = part.substring(0, at);
      FaultParam param = param(fault, key);
      if (given.containsKey(key)) {
        throw new Problem(FaultError.DUPLICATE_PARAM, key + " is given twice", null);
      }
      given.put(key, param.canonical(part.substring(at + 1)));
    }
    return new Resolved(fault, probability, complete(fault, given));
  }

  /**
   * Checks a spec given as parts (from the Java API, a scenario file) as if it were written out:
   * the values as text, in the order given.
   */
  static Resolved resolve(String name, double probability, Map<String, ?> params) {
    Map<String, String> texts = new LinkedHashMap<>();
    params.forEach((k, v) -> texts.put(k, valueText(v)));
    StringBuilder spec = new StringBuilder(String.valueOf(name));
    try {
      spec.append('=').append(Probability.format(Probability.of(probability)));
    } catch (Problem p) {
      spec.append('=').append(probability);
      texts.forEach((k, v) -> spec.append(',').append(k).append('=').append(v));
      throw p.in(spec.toString());
    }
    texts.forEach((k, v) -> spec.append(',').append(k).append('=').append(v));
    // Through the text grammar: one set of checks for every way a spec comes in.
    return parse(spec.toString());
  }

  private static FaultDefinition definition(String name) {
    return FaultVocabulary.find(name).orElseThrow(() -> new Problem(FaultError.UNKNOWN_FAULT,
        "unknown fault '" + name + "'", "known: " + String.join(", ", FaultVocabulary.names())));
  }

  private static FaultParam param(FaultDefinition fault, String key) {
    return fault.param(key).orElseThrow(() -> {
      String takes = fault.params().isEmpty() ? fault.name() + " takes none"
          : fault.name() + " takes " + String.join(", ", fault.paramNames());
      if (key.equals("p") || key.equals("probability") || key.equals("toxicity")) {
        takes = "the probability follows the name, e.g. " + fault.name() + "=0.1; " + takes;
      }
      return new Problem(FaultError.UNKNOWN_PARAM, "unknown parameter '" + key + "'", takes);
    });
  }

  /** The given parameters with the defaults of the others, in the vocabulary's order. */
  private static Map<String, String> complete(FaultDefinition fault, Map<String, String> given) {
    Map<String, String> all = new LinkedHashMap<>();
    for (FaultParam p : fault.params()) {
      String v = given.get(p.name());
      if (v == null && p.required()) {
        throw new Problem(FaultError.MISSING_PARAM, fault.name() + " needs " + p.name(),
            p.unit() == null ? null : "in " + p.unit().asciiSymbol() + ", from " + p.min());
      }
      all.put(p.name(), v == null ? p.defaultValue() : v);
    }
    return all;
  }

  /** A value from the Java API as a spec would write it: whole numbers without {@code .0}. */
  private static String valueText(Object v) {
    if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
      BigDecimal d = v instanceof BigDecimal b ? b : BigDecimal.valueOf(((Number) v).doubleValue());
      return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }
    return String.valueOf(v);
  }
}
