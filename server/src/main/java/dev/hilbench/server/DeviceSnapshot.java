package dev.hilbench.server;

import dev.hilbench.protocol.LineError;
import dev.hilbench.protocol.Malformed;
import dev.hilbench.protocol.Reading;
import java.time.Instant;
import java.util.Map;

/**
 * One device's session as the server sees it at one moment. Counters run since the server
 * started; what duplicate detection needs (boots and seqs stored) is rebuilt from the store.
 *
 * @param device           the id from the hello line, or the peer IP address ({@link IdentifiedBy#IP})
 * @param identifiedBy     how the device was identified
 * @param boot             the current boot: the hello's boot id, or {@code ip-1}, {@code ip-2}, ...
 *                         numbered by the server for devices without hello; null before the first reading
 * @param firmware         the firmware version from the hello, null without hello
 * @param connected        whether a connection of the device is open now
 * @param peer             address and port of the device's latest connection, null if restored from the store only
 * @param connects         connections since the server started
 * @param reconnects       connections after the first one since the server started
 * @param readings         valid reading lines received, duplicates included
 * @param gaps             readings missing: seq numbers skipped and not (yet) received late
 * @param duplicates       readings received again, recognised by (device, boot, seq), not stored again
 * @param reboots          new boot ids (hello), or seq and millis both going backwards (no hello)
 * @param malformed        lines rejected, all codes
 * @param malformedByCode  lines rejected per reason; codes with no line are left out
 * @param idleTimeouts     connections closed for being silent longer than the idle timeout
 * @param takeovers        connections of this device closed because a new one named the same device
 * @param lastReading      the latest reading received, null if none yet
 * @param lastReadingAt    when it was received
 * @param lastSeen         when the device last sent anything
 * @param lastMalformed    the latest rejected line with its reason and excerpt, null if none
 */
public record DeviceSnapshot(
    String device,
    IdentifiedBy identifiedBy,
    String boot,
    String firmware,
    boolean connected,
    String peer,
    long connects,
    long reconnects,
    long readings,
    long gaps,
    long duplicates,
    long reboots,
    long malformed,
    Map<LineError, Long> malformedByCode,
    long idleTimeouts,
    long takeovers,
    Reading lastReading,
    Instant lastReadingAt,
    Instant lastSeen,
    Malformed lastMalformed) {

  public DeviceSnapshot {
    malformedByCode = Map.copyOf(malformedByCode);
  }

  /** Lines rejected for one reason. */
  public long malformed(LineError code) {
    return malformedByCode.getOrDefault(code, 0L);
  }
}
