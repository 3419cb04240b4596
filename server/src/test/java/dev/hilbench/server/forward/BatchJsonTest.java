package dev.hilbench.server.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hilbench.server.store.StoredReading;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchJsonTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void eachReadingIsAnObjectWithTheStoredFields() throws Exception {
    List<StoredReading> readings = List.of(
        new StoredReading("node-1", "5f3a9c01", 12, 1234567, 28.3, 65.2, 1740844801042L, "192.168.1.23:40312"),
        new StoredReading("192.168.1.24", "ip-3", 0, 7, -3.25, 100.0, 1740844806000L, "192.168.1.24:5000"));
    byte[] body = BatchJson.encode(readings);
    assertEquals("""
        {"readings":[{"device":"node-1","boot":"5f3a9c01","seq":12,"millis":1234567,"temperature":28.3,\
        "humidity":65.2,"received_at":"2025-03-01T16:00:01.042Z","peer":"192.168.1.23:40312"},\
        {"device":"192.168.1.24","boot":"ip-3","seq":0,"millis":7,"temperature":-3.25,"humidity":100.0,\
        "received_at":"2025-03-01T16:00:06Z","peer":"192.168.1.24:5000"}]}""",
        new String(body, java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void stringsAreEscapedAndLargeNumbersKept() throws Exception {
    String device = "k\u00fcche \"2\"\\\n\u0001";
    StoredReading r = new StoredReading(device, "b", Long.MAX_VALUE, 4294967295L, 0.1, 99.99, 0, "[::1]:1");
    JsonNode n = JSON.readTree(BatchJson.encode(List.of(r))).get("readings").get(0);
    assertEquals(device, n.get("device").asText());
    assertEquals(Long.MAX_VALUE, n.get("seq").asLong());
    assertEquals(4294967295L, n.get("millis").asLong());
    assertEquals(0.1, n.get("temperature").asDouble());
    assertEquals("1970-01-01T00:00:00Z", n.get("received_at").asText());
  }

  @Test
  void anEmptyBatchIsAnEmptyList() {
    assertEquals("{\"readings\":[]}", new String(BatchJson.encode(List.of()), java.nio.charset.StandardCharsets.UTF_8));
  }
}
