package dev.hilbench.server.forward;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;

/**
 * The forwarder's own connection to the store the server writes. WAL (set by the store itself)
 * lets it read committed rows beside the writer without blocking it; its only writes are one-row
 * cursor updates, short enough for the writer's busy timeout to absorb.
 */
final class StoreConnection {

  /** How long a cursor update waits for the store writer's transaction to end. */
  private static final int BUSY_TIMEOUT_MILLIS = 5_000;

  private StoreConnection() {}

  /** Opens the store at {@code db} (which the server has already opened and checked). Autocommit. */
  static Connection open(Path db) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    // A cursor lost with the machine's power only means a batch is sent again: at-least-once.
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    return config.createConnection("jdbc:sqlite:" + db.toAbsolutePath());
  }
}
