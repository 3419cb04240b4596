package dev.hilbench.server.forward;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The forwarders' cursors, in the store itself: per URL, the rowid of the last reading the
 * endpoint acknowledged with a 2xx. A restarted server goes on after it: nothing acknowledged is
 * sent again, nothing committed is skipped. The cursor is written after the acknowledgement, so a
 * crash in between sends that batch again: delivery is at-least-once.
 *
 * <p>The table is created on first use; stores without it are read as before, and tools that
 * know only the readings ignore it.
 */
final class CursorTable implements AutoCloseable {

  private static final String CREATE = """
      CREATE TABLE IF NOT EXISTS forward_cursors (
        url        TEXT    PRIMARY KEY,  -- the endpoint, as given to --forward
        last_rowid INTEGER NOT NULL,     -- readings.rowid of the last reading it acknowledged (2xx)
        updated_at INTEGER NOT NULL      -- epoch ms
      )""";

  private final PreparedStatement load;
  private final PreparedStatement save;

  CursorTable(Connection db) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute(CREATE);
    }
    this.load = db.prepareStatement("SELECT last_rowid FROM forward_cursors WHERE url = ?");
    this.save = db.prepareStatement("""
        INSERT INTO forward_cursors (url, last_rowid, updated_at) VALUES (?, ?, ?)
        ON CONFLICT (url) DO UPDATE SET last_rowid = excluded.last_rowid, updated_at = excluded.updated_at""");
  }

  /** The cursor of {@code url}: 0 (everything is still to send) for a URL never forwarded to. */
  long load(String url) throws SQLException {
    load.setString(1, url);
    try (ResultSet rs = load.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  void save(String url, long lastRowid) throws SQLException {
    save.setString(1, url);
    save.setLong(2, lastRowid);
    save.setLong(3, System.currentTimeMillis());
    save.executeUpdate();
  }

  @Override
  public void close() throws SQLException {
    load.close();
    save.close();
  }
}
