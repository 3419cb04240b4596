package dev.hilbench.server;

import dev.hilbench.protocol.LineError;
import java.time.Instant;
import java.util.Map;

/**
 * The server's global counters at one moment (since it started).
 *
 * @param startedAt           when the server started
 * @param connectionsOpen     connections open now
 * @param connectionsAccepted connections accepted and kept (refused ones not included)
 * @param connectionsRefused  connections closed at once because {@code maxConnections} were open
 * @param readingsReceived    valid reading lines parsed, duplicates included
 * @param readingsStored      readings committed to the store
 * @param lastReadingAt       when the latest valid reading was received (ms precision); null before the first
 * @param lastStoredAt        when the latest commit that stored readings ended; null before the first, or
 *                            without a store
 * @param duplicates          readings recognised as already stored, not stored again
 * @param gaps                readings missing (seq numbers skipped), all devices
 * @param reboots             device reboots seen
 * @param malformed           lines rejected, all reasons
 * @param malformedByCode     lines rejected per reason; codes with no line are left out
 * @param idleCloses          connections closed for silence longer than the idle timeout
 * @param takeovers           connections closed because the same device connected again
 * @param bytesRead           bytes read from all connections
 * @param storeQueueDepth     readings parsed and waiting for the store
 * @param readPauses          times reading stopped because the store fell behind (back-pressure)
 * @param devices             devices known (connected now, seen since start, or restored from the store)
 * @param storing             whether readings go to a database
 */
public record ServerStats(
    Instant startedAt,
    int connectionsOpen,
    long connectionsAccepted,
    long connectionsRefused,
    long readingsReceived,
    long readingsStored,
    Instant lastReadingAt,
    Instant lastStoredAt,
    long duplicates,
    long gaps,
    long reboots,
    long malformed,
    Map<LineError, Long> malformedByCode,
    long idleCloses,
    long takeovers,
    long bytesRead,
    int storeQueueDepth,
    long readPauses,
    int devices,
    boolean storing) {

  public ServerStats {
    malformedByCode = Map.copyOf(malformedByCode);
  }

  /** Lines rejected for one reason. */
  public long malformed(LineError code) {
    return malformedByCode.getOrDefault(code, 0L);
  }
}
