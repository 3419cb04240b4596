package dev.hilbench.bench.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.sqlite.SQLiteConfig;

/**
 * The ceiling of the benchmarks with storage: SQLite alone, fed rows as fast as one thread can,
 * with the server's readings table and settings (WAL, synchronous=NORMAL, 32 MB cache, no index).
 * Rows come from 5,000 interleaved devices, as in the fleet. The score is rows per second.
 *
 * <ul>
 *   <li>{@code rows}: rows per transaction: 16384 as in bulk, where the store writer finds a full
 *       queue; 64 as in the fleet, where it commits whatever few rows arrived meanwhile.
 *   <li>{@code bind}: {@code batch4096} is addBatch() with an executeBatch() every 4096 rows and
 *       at the end, as the server does; {@code batch64} the same every 64 rows; {@code row} one
 *       executeUpdate() per row; {@code values64} one {@code INSERT ... VALUES (...), (...)}
 *       statement of 64 rows per executeUpdate() (the remainder row by row), which crosses JNI
 *       and steps the statement once per 64 rows instead of once per row. sqlite-jdbc's executeBatch() ends in clearBatch(), which nulls
 *       the statement's whole parameter array, as large as the largest batch it ever held
 *       (4096 rows x 6 parameters = 24,576 slots for batch4096): a cost per call, whatever the
 *       rows, that small transactions pay in full.
 * </ul>
 *
 * <p>The table mirrors {@code server/.../store/ReadingStore.java}; if that schema changes, this
 * one should follow.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class SqliteInsertBenchmark {

  static final int DEVICES = 5000;

  @Param({"16384", "64"})
  public int rows;

  @Param({"batch4096", "batch64", "row", "values64"})
  public String bind;

  /** Rows per executeBatch(); 0 for one executeUpdate() per row. */
  private int rowsPerExecute;

  private Path dir;
  private Connection db;
  private PreparedStatement insert;
  private PreparedStatement insertValues;
  private static final int VALUES_ROWS = 64;
  private long next;

  @Setup(Level.Trial)
  public void open() throws IOException, SQLException {
    dir = Files.createTempDirectory("hb-sqlite-bench");
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setTempStore(SQLiteConfig.TempStore.MEMORY);
    config.setCacheSize(-32_768);
    db = config.createConnection("jdbc:sqlite:" + dir.resolve("bench.db"));
    try (Statement s = db.createStatement()) {
      s.execute("""
          CREATE TABLE readings (stream INTEGER NOT NULL, seq INTEGER NOT NULL, millis INTEGER NOT NULL,
            temperature REAL NOT NULL, humidity REAL NOT NULL, received_at INTEGER NOT NULL)""");
    }
    db.setAutoCommit(false);
    insert = db.prepareStatement(
        "INSERT INTO readings (stream, seq, millis, temperature, humidity, received_at) VALUES (?, ?, ?, ?, ?, ?)");
    StringBuilder values = new StringBuilder(
        "INSERT INTO readings (stream, seq, millis, temperature, humidity, received_at) VALUES ");
    for (int i = 0; i < VALUES_ROWS; i++) {
      values.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?)");
    }
    insertValues = db.prepareStatement(values.toString());
    rowsPerExecute = bind.startsWith("batch") ? Integer.parseInt(bind.substring(5)) : 0;
    // One full batch first, as the server has had by the time it runs: the parameter array keeps
    // the size it grew to.
    transaction(Math.max(rowsPerExecute, 1));
  }

  /** One transaction of {@code rows} rows: the score is transactions/s (jmh.sh reports rows/s). */
  @Benchmark
  public void insert() throws SQLException {
    transaction(rows);
  }

  private void transaction(int count) throws SQLException {
    if (bind.equals("values64")) {
      multiRowTransaction(count);
      return;
    }
    long now = System.currentTimeMillis();
    boolean batch = rowsPerExecute > 0;
    for (int i = 0; i < count; i++, next++) {
      long seq = next / DEVICES;
      insert.setLong(1, next % DEVICES);
      insert.setLong(2, seq);
      insert.setLong(3, 3_600_000 + seq * 5000);
      insert.setDouble(4, 20.0 + (next % 97) / 10.0);
      insert.setDouble(5, 40.0 + (next % 331) / 10.0);
      insert.setLong(6, now);
      if (!batch) {
        insert.executeUpdate();
      } else {
        insert.addBatch();
        if ((i + 1) % rowsPerExecute == 0) {
          insert.executeBatch();
        }
      }
    }
    if (batch) {
      insert.executeBatch();
    }
    db.commit();
  }

  private void multiRowTransaction(int count) throws SQLException {
    long now = System.currentTimeMillis();
    int i = 0;
    for (; i + VALUES_ROWS <= count; i += VALUES_ROWS) {
      for (int r = 0, p = 1; r < VALUES_ROWS; r++, next++, p += 6) {
        long seq = next / DEVICES;
        insertValues.setLong(p, next % DEVICES);
        insertValues.setLong(p + 1, seq);
        insertValues.setLong(p + 2, 3_600_000 + seq * 5000);
        insertValues.setDouble(p + 3, 20.0 + (next % 97) / 10.0);
        insertValues.setDouble(p + 4, 40.0 + (next % 331) / 10.0);
        insertValues.setLong(p + 5, now);
      }
      insertValues.executeUpdate();
    }
    for (; i < count; i++, next++) {
      long seq = next / DEVICES;
      insert.setLong(1, next % DEVICES);
      insert.setLong(2, seq);
      insert.setLong(3, 3_600_000 + seq * 5000);
      insert.setDouble(4, 20.0 + (next % 97) / 10.0);
      insert.setDouble(5, 40.0 + (next % 331) / 10.0);
      insert.setLong(6, now);
      insert.executeUpdate();
    }
    db.commit();
  }

  @TearDown(Level.Trial)
  public void close() throws IOException, SQLException {
    db.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
