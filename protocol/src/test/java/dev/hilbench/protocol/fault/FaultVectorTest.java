package dev.hilbench.protocol.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every case of the shared faults.tsv, through the Java parser. */
class FaultVectorTest {

  private static final List<FaultVectors.Row> ROWS = FaultVectors.read();

  @TestFactory
  Stream<DynamicTest> everySpecParsesAsTheVectorSays() {
    return ROWS.stream().map(row -> DynamicTest.dynamicTest(row.toString(), () -> {
      if (row.valid()) {
        FaultSpec spec = FaultSpec.parse(row.spec());
        assertEquals(row.canonical(), spec.toString(), row.toString());
      } else {
        FaultSpecException e = assertThrows(FaultSpecException.class, () -> FaultSpec.parse(row.spec()), row.toString());
        assertEquals(row.errorCode(), e.error().code(), row + ": " + e.getMessage());
        assertTrue(e.getMessage().contains("'" + row.spec() + "'") || row.spec().isEmpty(),
            "the message names the spec: " + e.getMessage());
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> theCanonicalFormParsesToItself() {
    return ROWS.stream().filter(FaultVectors.Row::valid).map(row -> DynamicTest.dynamicTest(row.toString(), () -> {
      FaultSpec again = FaultSpec.parse(row.canonical());
      assertEquals(FaultSpec.parse(row.spec()), again);
      assertEquals(row.canonical(), again.toString());
    }));
  }

  @TestFactory
  Stream<DynamicTest> theShortTextParsesToTheSameSpec() {
    return ROWS.stream().filter(FaultVectors.Row::valid).map(row -> DynamicTest.dynamicTest(row.toString(), () -> {
      FaultSpec spec = FaultSpec.parse(row.spec());
      assertEquals(spec, FaultSpec.parse(spec.shortText()), spec.shortText());
      assertTrue(spec.shortText().length() <= row.canonical().length());
    }));
  }

  /** The firmware column may only say what the firmware does differently, and only for good reasons. */
  @Test
  void theFirmwareColumnOnlyNamesNetworkFaultsAndUnsupportedValues() {
    for (FaultVectors.Row row : ROWS) {
      if (row.firmware() == null) {
        if (row.valid()) {
          assertEquals(FaultKind.DEVICE, FaultSpec.parse(row.spec()).kind(), row + ": a network fault needs 'error network_fault'");
        }
        continue;
      }
      assertTrue(row.valid(), row + ": the firmware gives the grammar's own error for a spec it refuses");
      FaultKind kind = FaultSpec.parse(row.spec()).kind();
      assertEquals(kind == FaultKind.NETWORK ? "error network_fault" : "error unsupported", row.firmware(), row.toString());
    }
  }

  @Test
  void everyErrorCodeIsExercised() {
    Set<String> used = new java.util.HashSet<>();
    ROWS.stream().filter(r -> !r.valid()).forEach(r -> used.add(r.errorCode()));
    for (FaultError e : FaultError.values()) {
      assertTrue(used.contains(e.code()), "no vector for " + e.code());
    }
  }
}
