package dev.hilbench.server.session;

import dev.hilbench.server.DeviceSnapshot;
import dev.hilbench.server.IdentifiedBy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * All device sessions, created on first sight. Devices that named themselves and devices known by
 * IP live in separate maps: a hello id may look like an address ({@code 10.0.0.7} is a valid id)
 * without being that address's classroom node.
 */
public final class SessionRegistry {

  private final ConcurrentHashMap<String, DeviceSession> named = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, DeviceSession> byIp = new ConcurrentHashMap<>();

  /** The session of a device that sent {@code #hello device=<id>}. */
  public DeviceSession named(String deviceId) {
    return named.computeIfAbsent(deviceId, id -> new DeviceSession(id, IdentifiedBy.HELLO));
  }

  /** The session of the device(s) without hello at this IP address. */
  public DeviceSession byIp(String ip) {
    return byIp.computeIfAbsent(ip, id -> new DeviceSession(id, IdentifiedBy.IP));
  }

  public DeviceSession session(String deviceId, IdentifiedBy identifiedBy) {
    return identifiedBy == IdentifiedBy.HELLO ? named(deviceId) : byIp(deviceId);
  }

  /**
   * Replays one stored reading (in storage order) into its device's state. Single-threaded, at
   * start, before any connection.
   */
  public void restore(String deviceId, IdentifiedBy identifiedBy, String boot, long seq, long millis) {
    session(deviceId, identifiedBy).restore(boot, seq, millis);
  }

  public int size() {
    return named.size() + byIp.size();
  }

  /** Snapshots of every device, named devices first, each group by id. */
  public List<DeviceSnapshot> snapshots() {
    List<DeviceSnapshot> all = new ArrayList<>(size());
    named.values().forEach(s -> all.add(s.snapshot()));
    byIp.values().forEach(s -> all.add(s.snapshot()));
    all.sort(Comparator.comparing(DeviceSnapshot::identifiedBy).thenComparing(DeviceSnapshot::device));
    return all;
  }

  /** A named device with this id, else a device known by this IP address. */
  public Optional<DeviceSnapshot> snapshot(String deviceId) {
    DeviceSession s = named.get(deviceId);
    if (s == null) {
      s = byIp.get(deviceId);
    }
    return Optional.ofNullable(s).map(DeviceSession::snapshot);
  }
}
