package dev.hilbench.server.forward;

import dev.hilbench.server.store.StoredReading;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads committed readings after a cursor, in rowid order. Only one thread (the store writer)
 * inserts, and it commits its transactions one after the other, so rows become visible in rowid
 * order: a reader that goes on from the last rowid it saw never skips one.
 */
final class CommittedReadings implements AutoCloseable {

  // readings drives the loop (a range scan on its rowid); each stream is found by its primary key.
  // LEFT JOIN so that a reading whose stream is missing shows up (as an error) instead of vanishing.
  private static final String AFTER = """
      SELECT r.rowid, s.device, s.boot, r.seq, r.millis, r.temperature, r.humidity, r.received_at, s.peer, r.stream
      FROM readings r LEFT JOIN streams s ON s.id = r.stream
      WHERE r.rowid > ? ORDER BY r.rowid LIMIT ?""";

  private final PreparedStatement after;
  private final PreparedStatement maxRowid;

  CommittedReadings(Connection db) throws SQLException {
    this.after = db.prepareStatement(AFTER);
    this.maxRowid = db.prepareStatement("SELECT coalesce(max(rowid), 0) FROM readings");
  }

  /** At most {@code limit} readings with a rowid above {@code cursor}, oldest first. */
  Batch after(long cursor, int limit) throws SQLException {
    after.setLong(1, cursor);
    after.setInt(2, limit);
    List<StoredReading> readings = new ArrayList<>(Math.min(limit, 1024));
    long last = cursor;
    try (ResultSet rs = after.executeQuery()) {
      while (rs.next()) {
        last = rs.getLong(1);
        if (rs.getString(2) == null) {
          throw new SQLException("reading " + last + " points at stream " + rs.getLong(10)
              + ", which is not in the streams table");
        }
        readings.add(new StoredReading(rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
            rs.getDouble(6), rs.getDouble(7), rs.getLong(8), rs.getString(9)));
      }
    }
    return new Batch(readings, last);
  }

  /**
   * The highest rowid in the store. Readings are never deleted by hilbench, so the rows after a
   * cursor number {@code maxRowid() - cursor}: the lag, found without counting them.
   */
  long maxRowid() throws SQLException {
    try (ResultSet rs = maxRowid.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Override
  public void close() throws SQLException {
    after.close();
    maxRowid.close();
  }
}
