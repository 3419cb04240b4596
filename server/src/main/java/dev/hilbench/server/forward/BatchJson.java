package dev.hilbench.server.forward;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.hilbench.server.store.StoredReading;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * The body of one forwarded batch:
 *
 * <pre>{"readings":[{"device":"node-1","boot":"5f3a9c01","seq":12,"millis":1234567,"temperature":28.3,
 *   "humidity":65.2,"received_at":"2025-03-01T16:00:01.042Z","peer":"192.168.1.23:40312"}, ...]}</pre>
 *
 * Written with Jackson's streaming generator: no tree per reading, and the field names on the wire
 * are fixed here whatever the Java side is called. Times are ISO-8601 UTC, as in {@code export}.
 */
final class BatchJson {

  private static final JsonFactory FACTORY = new JsonFactory();

  private BatchJson() {}

  static byte[] encode(List<StoredReading> readings) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 160 * readings.size());
    try (JsonGenerator g = FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeArrayFieldStart("readings");
      for (StoredReading r : readings) {
        g.writeStartObject();
        g.writeStringField("device", r.device());
        g.writeStringField("boot", r.boot());
        g.writeNumberField("seq", r.seq());
        g.writeNumberField("millis", r.millis());
        g.writeNumberField("temperature", r.temperature());
        g.writeNumberField("humidity", r.humidity());
        g.writeStringField("received_at", Instant.ofEpochMilli(r.receivedAtEpochMillis()).toString());
        g.writeStringField("peer", r.peer());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write JSON to memory", e);
    }
    return bytes.toByteArray();
  }
}
