package dev.hilbench.server.store;

import dev.hilbench.server.IdentifiedBy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.sqlite.SQLiteConfig;

/**
 * The SQLite file readings and session events go to.
 *
 * <p>Schema (see {@code docs/server.md}): {@code streams} holds the strings of one boot of one
 * device over one connection (device, boot, peer) once; {@code readings} holds small rows of
 * numbers pointing at their stream, with no index, appended in batches (an index, unique or not,
 * makes every insert a B-tree search among interleaved devices: several times slower). Duplicates
 * are kept out by state the server rebuilds with {@link #replay} at start instead. The view
 * {@code reading_rows} joins both for people using the {@code sqlite3} shell.
 *
 * <p>WAL journal with {@code synchronous=NORMAL}: a commit survives the process dying (what an
 * acknowledgement promises), and readers ({@link #readAll}, {@code export}) never block the writer.
 * One instance is used by one thread.
 */
public final class ReadingStore implements AutoCloseable {

  /** {@code PRAGMA application_id}: "HILB", so that another SQLite file is never taken for ours. */
  static final int APPLICATION_ID = 0x48494C42;
  static final int SCHEMA_VERSION = 1;
  /**
   * Rows per multi-row INSERT: one JNI crossing and one statement step for this many readings
   * instead of one each (37 to 50 % faster into SQLite than executeBatch, bench/jmh
   * SqliteInsertBenchmark). The rest of a transaction goes in row by row.
   */
  private static final int ROWS_PER_INSERT = 64;
  private static final int READING_COLUMNS = 6;
  private static final String INSERT_READINGS =
      "INSERT INTO readings (stream, seq, millis, temperature, humidity, received_at) VALUES ";

  private static final String[] SCHEMA = {
    """
    CREATE TABLE streams (
      id            INTEGER PRIMARY KEY,  -- allocated by the server
      device        TEXT    NOT NULL,     -- hello device id, or the peer IP address
      identified_by TEXT    NOT NULL,     -- 'hello' or 'ip'
      boot          TEXT    NOT NULL,     -- hello boot id, or ip-N numbered by the server
      peer          TEXT    NOT NULL,     -- remote address:port of the connection
      started_at    INTEGER NOT NULL      -- epoch ms of the first reading
    )""",
    """
    CREATE TABLE readings (
      stream      INTEGER NOT NULL,       -- streams.id
      seq         INTEGER NOT NULL,
      millis      INTEGER NOT NULL,       -- the node's uptime when it read the sensor
      temperature REAL    NOT NULL,       -- °C
      humidity    REAL    NOT NULL,       -- %
      received_at INTEGER NOT NULL        -- epoch ms
    )""",
    """
    CREATE TABLE session_events (
      at     INTEGER NOT NULL,            -- epoch ms
      device TEXT,                        -- null if the connection never said who it was
      peer   TEXT    NOT NULL,
      kind   TEXT    NOT NULL,            -- connect, hello, reboot, takeover, disconnect
      detail TEXT
    )""",
    """
    CREATE VIEW reading_rows AS
      SELECT r.rowid AS id, s.device, s.boot, r.seq, r.millis, r.temperature, r.humidity,
             r.received_at, s.peer, s.identified_by
      FROM readings r CROSS JOIN streams s WHERE s.id = r.stream""",
    "PRAGMA application_id = " + APPLICATION_ID,
    "PRAGMA user_version = " + SCHEMA_VERSION,
  };

  private static final String ALL_READINGS = """
      SELECT s.device, s.boot, r.seq, r.millis, r.temperature, r.humidity, r.received_at, s.peer
      FROM readings r CROSS JOIN streams s WHERE s.id = r.stream ORDER BY r.rowid""";

  private final Path file;
  private final Connection db;
  private final PreparedStatement insertReading;
  private final PreparedStatement insertReadings; // ROWS_PER_INSERT rows at once
  private final PreparedStatement insertStream;
  private final PreparedStatement insertEvent;

  private ReadingStore(Path file, Connection db) throws SQLException {
    this.file = file;
    this.db = db;
    insertReading = db.prepareStatement(INSERT_READINGS + "(?, ?, ?, ?, ?, ?)");
    insertReadings = db.prepareStatement(
        INSERT_READINGS + String.join(", ", Collections.nCopies(ROWS_PER_INSERT, "(?, ?, ?, ?, ?, ?)")));
    insertStream = db.prepareStatement(
        "INSERT INTO streams (id, device, identified_by, boot, peer, started_at) VALUES (?, ?, ?, ?, ?, ?)");
    insertEvent = db.prepareStatement(
        "INSERT INTO session_events (at, device, peer, kind, detail) VALUES (?, ?, ?, ?, ?)");
  }

  /** Opens (creating if needed) the store at {@code file} for writing. */
  public static ReadingStore open(Path file) throws IOException {
    Path absolute = file.toAbsolutePath();
    Connection db = null;
    try {
      if (absolute.getParent() != null) {
        Files.createDirectories(absolute.getParent());
      }
      SQLiteConfig config = new SQLiteConfig();
      config.setJournalMode(SQLiteConfig.JournalMode.WAL);
      config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
      config.setTempStore(SQLiteConfig.TempStore.MEMORY);
      config.setCacheSize(-32_768); // 32 MB
      config.setBusyTimeout(2_000);
      db = config.createConnection("jdbc:sqlite:" + absolute);
      prepareSchema(db, absolute);
      db.setAutoCommit(false);
      return new ReadingStore(absolute, db);
    } catch (SQLException e) {
      closeQuietly(db);
      throw new IOException("cannot open the store " + absolute + ": " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      closeQuietly(db);
      throw e;
    }
  }

  public Path file() {
    return file;
  }

  /** The highest stream id in use, 0 for a new store. */
  public long maxStreamId() throws IOException {
    try {
      long max;
      try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT coalesce(max(id), 0) FROM streams")) {
        rs.next();
        max = rs.getLong(1);
      }
      // End the read transaction the driver opened: left open, it pins a WAL snapshot, and the
      // store writer's first commit fails while the forwarder reads beside it.
      db.commit();
      return max;
    } catch (SQLException e) {
      throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static void bindReading(PreparedStatement st, int offset, StoreBatch b, int i) throws SQLException {
    st.setLong(offset + 1, b.stream(i));
    st.setLong(offset + 2, b.seq(i));
    st.setLong(offset + 3, b.millis(i));
    st.setDouble(offset + 4, b.temperature(i));
    st.setDouble(offset + 5, b.humidity(i));
    st.setLong(offset + 6, b.receivedAt(i));
  }

  /** Receives the stored readings, in the order they were stored. */
  public interface Replay {
    void reading(String device, IdentifiedBy identifiedBy, String boot, long seq, long millis);
  }

  /**
   * Feeds every stored reading, in storage order, to {@code sink}: how the server rebuilds its
   * duplicate detection at start. Strings come from the streams table, one instance per distinct
   * value, so the sink may compare them by identity. Returns the number of readings.
   */
  public long replay(Replay sink) throws IOException {
    try (Statement s = db.createStatement()) {
      Map<Long, StreamKey> streams = new HashMap<>();
      Map<String, String> canonical = new HashMap<>();
      long maxId = 0;
      try (ResultSet rs = s.executeQuery("SELECT id, device, identified_by, boot FROM streams")) {
        while (rs.next()) {
          long id = rs.getLong(1);
          String device = canonical.computeIfAbsent(rs.getString(2), k -> k);
          String boot = canonical.computeIfAbsent(rs.getString(4), k -> k);
          streams.put(id, new StreamKey(device, identifiedBy(rs.getString(3)), boot));
          maxId = Math.max(maxId, id);
        }
      }
      // Stream ids are handed out in sequence, so an array indexes them without boxing a key per row.
      StreamKey[] byId = maxId < 50_000_000 ? new StreamKey[(int) maxId + 1] : null;
      if (byId != null) {
        streams.forEach((id, key) -> byId[id.intValue()] = key);
      }
      long rows = 0;
      try (ResultSet rs = s.executeQuery("SELECT stream, seq, millis FROM readings ORDER BY rowid")) {
        while (rs.next()) {
          long id = rs.getLong(1);
          StreamKey key = byId != null && id >= 0 && id < byId.length ? byId[(int) id] : streams.get(id);
          if (key == null) {
            throw new IOException(file + ": a reading points at stream " + id + ", which is not in the streams table");
          }
          sink.reading(key.device, key.identifiedBy, key.boot, rs.getLong(2), rs.getLong(3));
          rows++;
        }
      }
      db.commit(); // ends the read transaction the driver opened
      return rows;
    } catch (SQLException e) {
      throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private record StreamKey(String device, IdentifiedBy identifiedBy, String boot) {}

  /** Writes the batches in one transaction: all of them, or (on an exception) none. */
  public void write(List<StoreBatch> batches) throws SQLException {
    try {
      for (StoreBatch b : batches) {
        for (StreamRecord st : b.streams()) {
          insertStream.setLong(1, st.id());
          insertStream.setString(2, st.device());
          insertStream.setString(3, name(st.identifiedBy()));
          insertStream.setString(4, st.boot());
          insertStream.setString(5, st.peer());
          insertStream.setLong(6, st.startedAt());
          insertStream.addBatch();
        }
      }
      insertStream.executeBatch();
      // Whole groups of ROWS_PER_INSERT go in through the multi-row statement, the rest row by
      // row; either way in the order the readings came, which the store keeps.
      long total = 0;
      for (StoreBatch b : batches) {
        total += b.readings();
      }
      long grouped = total - total % ROWS_PER_INSERT;
      long k = 0;
      for (StoreBatch b : batches) {
        for (int i = 0, n = b.readings(); i < n; i++, k++) {
          if (k < grouped) {
            bindReading(insertReadings, (int) (k % ROWS_PER_INSERT) * READING_COLUMNS, b, i);
            if (k % ROWS_PER_INSERT == ROWS_PER_INSERT - 1) {
              insertReadings.executeUpdate();
            }
          } else {
            bindReading(insertReading, 0, b, i);
            insertReading.addBatch();
          }
        }
      }
      insertReading.executeBatch();
      for (StoreBatch b : batches) {
        for (SessionEvent e : b.events()) {
          insertEvent.setLong(1, e.at());
          insertEvent.setString(2, e.device());
          insertEvent.setString(3, e.peer());
          insertEvent.setString(4, e.kind());
          insertEvent.setString(5, e.detail());
          insertEvent.addBatch();
        }
      }
      insertEvent.executeBatch();
      db.commit();
    } catch (SQLException | RuntimeException e) {
      insertStream.clearBatch();
      insertReading.clearBatch();
      insertEvent.clearBatch();
      try {
        db.rollback();
      } catch (SQLException rollback) {
        e.addSuppressed(rollback);
      }
      throw e;
    }
  }

  @Override
  public void close() {
    try {
      db.close();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot close the store " + file + ": " + e.getMessage(), e);
    }
  }

  /** Every stored reading, in the order stored. Safe while a server writes the file. */
  public static List<StoredReading> readAll(Path db) throws IOException {
    List<StoredReading> all = new ArrayList<>();
    forEach(db, all::add);
    return all;
  }

  /** Streams every stored reading, in the order stored, to {@code sink}: for files too large for a list. */
  public static void forEach(Path db, Consumer<StoredReading> sink) throws IOException {
    try (Connection c = openReadOnly(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(ALL_READINGS)) {
      while (rs.next()) {
        sink.accept(new StoredReading(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
            rs.getDouble(5), rs.getDouble(6), rs.getLong(7), rs.getString(8)));
      }
    } catch (SQLException e) {
      throw new IOException("cannot read " + db + ": " + e.getMessage(), e);
    }
  }

  /** The session events, in the order stored. */
  public static List<SessionEvent> readEvents(Path db) throws IOException {
    List<SessionEvent> events = new ArrayList<>();
    try (Connection c = openReadOnly(db); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT at, device, peer, kind, detail FROM session_events ORDER BY rowid")) {
      while (rs.next()) {
        events.add(new SessionEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
      }
      return events;
    } catch (SQLException e) {
      throw new IOException("cannot read " + db + ": " + e.getMessage(), e);
    }
  }

  private static Connection openReadOnly(Path db) throws IOException, SQLException {
    Path absolute = db.toAbsolutePath();
    if (!Files.isRegularFile(absolute)) {
      throw new NoSuchFileException(absolute.toString(), null, "no such store (a hilbench SQLite file)");
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setBusyTimeout(2_000);
    Connection c = config.createConnection("jdbc:sqlite:" + absolute);
    try {
      requireOurs(c, absolute);
      return c;
    } catch (IOException | SQLException | RuntimeException e) {
      closeQuietly(c);
      throw e;
    }
  }

  private static void prepareSchema(Connection db, Path file) throws SQLException, IOException {
    try (Statement s = db.createStatement()) {
      if (tableCount(s) == 0) {
        db.setAutoCommit(false);
        for (String sql : SCHEMA) {
          s.execute(sql);
        }
        db.commit();
        db.setAutoCommit(true);
      }
    }
    requireOurs(db, file);
  }

  private static void requireOurs(Connection db, Path file) throws SQLException, IOException {
    try (Statement s = db.createStatement()) {
      int app = intPragma(s, "application_id");
      int version = intPragma(s, "user_version");
      if (app != APPLICATION_ID) {
        throw new IOException(file + " is not a hilbench store (an SQLite file with other tables)");
      }
      if (version != SCHEMA_VERSION) {
        throw new IOException(file + " is a hilbench store of schema version " + version
            + ", this version reads version " + SCHEMA_VERSION);
      }
    }
  }

  private static int tableCount(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_schema")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static int intPragma(Statement s, String name) throws SQLException {
    try (ResultSet rs = s.executeQuery("PRAGMA " + name)) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  private static String name(IdentifiedBy by) {
    return by == IdentifiedBy.HELLO ? "hello" : "ip";
  }

  private static IdentifiedBy identifiedBy(String name) throws IOException {
    return switch (name) {
      case "hello" -> IdentifiedBy.HELLO;
      case "ip" -> IdentifiedBy.IP;
      default -> throw new IOException("unknown identified_by '" + name + "' in the streams table");
    };
  }

  private static void closeQuietly(Connection c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (SQLException ignored) {
      // already failing: the first error is the one reported
    }
  }
}
