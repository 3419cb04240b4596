package dev.hilbench.cli.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The raw data as CSV. */
class ExperimentCsvTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      "node-0001      | node-0001",
      "''             | ''",
      "a,b            | '\"a,b\"'",
      "say \"hi\"     | '\"say \"\"hi\"\"\"'",
  })
  void aFieldIsQuotedOnlyWhenItMustBe(String value, String expected) {
    assertEquals(expected, ExperimentCsv.field(value));
  }

  @Test
  void lineEndsInAFieldAreQuotedToo() {
    assertEquals("\"a\nb\"", ExperimentCsv.field("a\nb"));
    assertEquals("\"a\rb\"", ExperimentCsv.field("a\rb"));
    assertEquals("12", ExperimentCsv.field(12L));
  }

  @Test
  void aRowPerNodeAndPolicyWithAnEmptyBackTimeForANodeThatNeverCameBack() {
    String csv = ExperimentCsv.nodes(List.of(ExperimentResults.fixed(), ExperimentResults.unfinished()));
    List<String> lines = csv.lines().toList();
    assertEquals(String.join(",", ExperimentCsv.NODE_COLUMNS), lines.get(0));
    assertEquals(1 + 4 + 2, lines.size(), csv);
    assertEquals("fixed,node-0001,0.200,1,3,5,0,1", lines.get(1));
    assertEquals("fixed,node-0004,1.500,1,3,8,0,1", lines.get(4));
    assertEquals("full-jitter,node-0002,,0,0,9,2,1", lines.get(6));
    assertEquals(true, csv.endsWith("\n"));
  }

  @Test
  void aRowPerSamplingIntervalAndPolicy() {
    String csv = ExperimentCsv.seconds(List.of(ExperimentResults.fixed()));
    List<String> lines = csv.lines().toList();
    assertEquals(String.join(",", ExperimentCsv.SECOND_COLUMNS), lines.get(0));
    assertEquals(List.of("fixed,-5.000,-4.000,0,4,4,0,0", "fixed,-4.000,-3.000,0,4,4,0,0", "fixed,0.000,1.000,3,4,1,3,3",
        "fixed,1.000,1.500,30,31,0,4,4"), lines.subList(1, lines.size()));
  }

  @Test
  void everyRowHasAsManyFieldsAsTheHeader() {
    for (String csv : List.of(ExperimentCsv.nodes(List.of(ExperimentResults.unfinished())),
        ExperimentCsv.seconds(List.of(ExperimentResults.unfinished())))) {
      int columns = csv.lines().findFirst().orElseThrow().split(",", -1).length;
      csv.lines().forEach(l -> assertEquals(columns, l.split(",", -1).length, l));
    }
  }
}
