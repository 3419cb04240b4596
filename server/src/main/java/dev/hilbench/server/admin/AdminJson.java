package dev.hilbench.server.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hilbench.protocol.LineError;
import dev.hilbench.protocol.Malformed;
import dev.hilbench.protocol.Reading;
import dev.hilbench.server.DeviceSnapshot;
import dev.hilbench.server.ServerStats;
import dev.hilbench.server.forward.ForwardStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON of {@code /status} and {@code /devices}. Built field by field rather than from the
 * records, so that the names on the wire (snake_case, like the metrics) stay stable whatever the
 * Java side is called.
 */
public final class AdminJson {

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private AdminJson() {}

  public static String status(ServerStats s) {
    return status(s, Optional.empty());
  }

  /** The counters, with a {@code forward} object (null when not forwarding). */
  public static String status(ServerStats s, Optional<ForwardStatus> forward) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("started_at", s.startedAt().toString());
    o.put("connections_open", s.connectionsOpen());
    o.put("connections_accepted", s.connectionsAccepted());
    o.put("connections_refused", s.connectionsRefused());
    o.put("readings_received", s.readingsReceived());
    o.put("readings_stored", s.readingsStored());
    o.put("last_reading_at", text(s.lastReadingAt()));
    o.put("last_stored_at", text(s.lastStoredAt()));
    o.put("duplicates", s.duplicates());
    o.put("gaps", s.gaps());
    o.put("reboots", s.reboots());
    o.put("malformed", s.malformed());
    o.set("malformed_by_code", byCode(s.malformedByCode()));
    o.put("idle_closes", s.idleCloses());
    o.put("takeovers", s.takeovers());
    o.put("bytes_read", s.bytesRead());
    o.put("store_enabled", s.storing());
    o.put("store_queue_depth", s.storeQueueDepth());
    o.put("read_pauses", s.readPauses());
    o.put("devices", s.devices());
    if (forward.isPresent()) {
      o.set("forward", forwardNode(forward.get()));
    } else {
      o.putNull("forward");
    }
    return write(o);
  }

  private static ObjectNode forwardNode(ForwardStatus f) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("url", f.url());
    o.put("state", f.state().wireName());
    o.put("forwarded", f.forwarded());
    o.put("batches", f.batches());
    o.put("retries", f.retries());
    o.put("lag", f.lag());
    o.put("cursor", f.cursor());
    o.put("last_error", f.lastError());
    o.put("last_error_at", text(f.lastErrorAt()));
    o.put("last_delivery_at", text(f.lastDeliveryAt()));
    o.put("seed", f.seed());
    return o;
  }

  public static String devices(List<DeviceSnapshot> devices) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("count", devices.size());
    ArrayNode list = o.putArray("devices");
    devices.forEach(d -> list.add(deviceNode(d)));
    return write(o);
  }

  public static String device(DeviceSnapshot d) {
    return write(deviceNode(d));
  }

  private static ObjectNode deviceNode(DeviceSnapshot d) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("device", d.device());
    o.put("identified_by", d.identifiedBy().name().toLowerCase(java.util.Locale.ROOT));
    o.put("boot", d.boot());
    o.put("firmware", d.firmware());
    o.put("connected", d.connected());
    o.put("peer", d.peer());
    o.put("connects", d.connects());
    o.put("reconnects", d.reconnects());
    o.put("readings", d.readings());
    o.put("gaps", d.gaps());
    o.put("duplicates", d.duplicates());
    o.put("reboots", d.reboots());
    o.put("malformed", d.malformed());
    o.set("malformed_by_code", byCode(d.malformedByCode()));
    o.put("idle_timeouts", d.idleTimeouts());
    o.put("takeovers", d.takeovers());
    Reading r = d.lastReading();
    if (r == null) {
      o.putNull("last_reading");
    } else {
      ObjectNode last = o.putObject("last_reading");
      last.put("seq", r.seq());
      last.put("millis", r.millis());
      last.put("temperature", r.temperature());
      last.put("humidity", r.humidity());
      last.put("received_at", text(d.lastReadingAt()));
    }
    o.put("last_seen", text(d.lastSeen()));
    Malformed m = d.lastMalformed();
    if (m == null) {
      o.putNull("last_malformed");
    } else {
      ObjectNode bad = o.putObject("last_malformed");
      bad.put("code", m.error().code());
      bad.put("detail", m.detail());
      bad.put("excerpt", m.excerpt());
    }
    return o;
  }

  private static ObjectNode byCode(Map<LineError, Long> counts) {
    ObjectNode o = MAPPER.createObjectNode();
    for (LineError code : LineError.values()) {
      Long n = counts.get(code);
      if (n != null && n > 0) {
        o.put(code.code(), n);
      }
    }
    return o;
  }

  private static String text(Instant t) {
    return t == null ? null : t.toString();
  }

  private static String write(ObjectNode o) {
    try {
      return MAPPER.writeValueAsString(o) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON of a tree built in memory", e);
    }
  }
}
