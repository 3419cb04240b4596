package dev.hilbench.cli.experiment;

import dev.hilbench.server.store.ReadingStore;
import dev.hilbench.server.store.SessionEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What the receiver's store says about each device after the port reopened: when the receiver
 * first identified it on a new connection (its {@code connect} event, in epoch ms), how many
 * connections it identified, and how many readings it stored from it.
 */
final class StoreFacts {

  /** One device's facts; {@code firstConnectAt} is -1 if it did not connect after the reopen. */
  record Device(long firstConnectAt, int connections, long readings) {
    static final Device NONE = new Device(-1, 0, 0);
  }

  private final Map<String, Device> devices;

  /** @param devices the facts by device id (devices left out connected to nothing and sent nothing) */
  StoreFacts(Map<String, Device> devices) {
    this.devices = Map.copyOf(devices);
  }

  /** Reads {@code db} (the receiver may be stopped or running) for events and readings at or after {@code sinceEpochMillis}. */
  static StoreFacts read(Path db, long sinceEpochMillis) throws IOException {
    Map<String, Device> byDevice = new HashMap<>();
    for (SessionEvent e : ReadingStore.readEvents(db)) {
      if (e.kind().equals("connect") && e.device() != null && e.at() >= sinceEpochMillis) {
        byDevice.merge(e.device(), new Device(e.at(), 1, 0),
            (a, b) -> new Device(Math.min(a.firstConnectAt(), b.firstConnectAt()), a.connections() + 1, 0));
      }
    }
    Map<String, Long> readings = new HashMap<>();
    ReadingStore.forEach(db, r -> {
      if (r.receivedAtEpochMillis() >= sinceEpochMillis) {
        readings.merge(r.device(), 1L, Long::sum);
      }
    });
    readings.forEach((device, n) -> byDevice.merge(device, new Device(-1, 0, n),
        (a, b) -> new Device(a.firstConnectAt(), a.connections(), b.readings())));
    return new StoreFacts(byDevice);
  }

  Device device(String id) {
    return devices.getOrDefault(id, Device.NONE);
  }
}
