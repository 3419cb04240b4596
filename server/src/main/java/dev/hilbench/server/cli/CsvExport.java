package dev.hilbench.server.cli;

import dev.hilbench.server.output.Numbers;
import dev.hilbench.server.store.ReadingStore;
import dev.hilbench.server.store.StoredReading;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes stored readings as CSV (RFC 4180): a header line, then one row per reading in the order
 * stored. Times are ISO-8601 UTC with milliseconds, so spreadsheets and pandas read them as such.
 */
public final class CsvExport {

  public static final String HEADER = "device,boot,seq,millis,temperature,humidity,received_at,peer";

  private CsvExport() {}

  /** Streams every reading of {@code db} to {@code out}; returns how many. */
  public static long write(Path db, Writer out) throws IOException {
    out.write(HEADER);
    out.write('\n');
    long[] rows = {0};
    try {
      ReadingStore.forEach(db, r -> {
        try {
          out.write(row(r));
          rows[0]++;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    out.flush();
    return rows[0];
  }

  /** One CSV row with its newline. */
  public static String row(StoredReading r) {
    StringBuilder s = new StringBuilder(96);
    field(s, r.device()).append(',');
    field(s, r.boot()).append(',');
    s.append(r.seq()).append(',').append(r.millis()).append(',');
    Numbers.appendValue(s, r.temperature()).append(',');
    Numbers.appendValue(s, r.humidity()).append(',');
    s.append(Instant.ofEpochMilli(r.receivedAtEpochMillis())).append(',');
    field(s, r.peer());
    return s.append('\n').toString();
  }

  /** A text field, quoted only when it must be (a comma, a quote or a line break in it). */
  static StringBuilder field(StringBuilder s, String v) {
    if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
      return s.append(v);
    }
    return s.append('"').append(v.replace("\"", "\"\"")).append('"');
  }
}
