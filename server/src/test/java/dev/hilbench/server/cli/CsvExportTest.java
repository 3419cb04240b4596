package dev.hilbench.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hilbench.server.store.StoredReading;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CsvExportTest {

  @Test
  void oneRowPerReadingWithUtcTimes() {
    StoredReading r = new StoredReading("node-7", "b1", 12, 1234567, 28.3, 65.2,
        Instant.parse("2025-03-01T16:00:01.042Z").toEpochMilli(), "127.0.0.1:40312");
    assertEquals("node-7,b1,12,1234567,28.3,65.2,2025-03-01T16:00:01.042Z,127.0.0.1:40312\n", CsvExport.row(r));
  }

  @Test
  void fieldsAreQuotedOnlyWhenTheyMustBe() {
    assertEquals("plain", CsvExport.field(new StringBuilder(), "plain").toString());
    assertEquals("[::1]:5050", CsvExport.field(new StringBuilder(), "[::1]:5050").toString());
    assertEquals("\"a,b\"", CsvExport.field(new StringBuilder(), "a,b").toString());
    assertEquals("\"say \"\"hi\"\"\"", CsvExport.field(new StringBuilder(), "say \"hi\"").toString());
  }
}
