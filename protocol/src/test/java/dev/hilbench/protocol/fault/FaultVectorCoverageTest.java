package dev.hilbench.protocol.fault;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The vector file covers the whole vocabulary: every fault by its name alone (its defaults),
 * every number at both ends of its range and one past them, every word of every choice. The
 * firmware keeps its own copy of the table; these rows are what hold it to this one.
 */
class FaultVectorCoverageTest {

  private static final List<FaultVectors.Row> ROWS = FaultVectors.read();

  @Test
  void everyFaultAppearsByItsNameAlone() {
    for (FaultDefinition f : FaultVocabulary.all()) {
      assertTrue(ROWS.stream().anyMatch(r -> r.spec().equals(f.name())), "no row '" + f.name() + "'");
    }
  }

  @Test
  void everyValueAtTheEndsOfItsRangeAndPastThem() {
    List<String> missing = new ArrayList<>();
    for (FaultDefinition f : FaultVocabulary.all()) {
      for (FaultParam p : f.params()) {
        List<String> values = new ArrayList<>();
        if (p.type() == FaultParam.Type.NUMBER) {
          values.add(Long.toString(p.min()));
          values.add(Long.toString(p.max()));
          values.add(Long.toString(p.max() + 1));
          if (p.min() > 0) {
            values.add(Long.toString(p.min() - 1));
          }
        } else {
          values.addAll(p.choices());
          values.add(p.choices().get(0).toUpperCase(java.util.Locale.ROOT));
        }
        for (String v : values) {
          if (ROWS.stream().noneMatch(r -> sets(r.spec(), f.name(), p.name(), v))) {
            missing.add(f.name() + "," + p.name() + "=" + v);
          }
        }
      }
    }
    assertTrue(missing.isEmpty(), "faults.tsv has no row for " + missing);
  }

  /** Whether {@code spec} names {@code fault} and sets {@code param} to {@code value}. */
  private static boolean sets(String spec, String fault, String param, String value) {
    String[] parts = spec.split(",", -1);
    return parts[0].split("=", 2)[0].equals(fault) && List.of(parts).subList(1, parts.length).contains(param + "=" + value);
  }
}
