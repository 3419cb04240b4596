package dev.hilbench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.protocol.LineError;
import dev.hilbench.server.store.ReadingStore;
import dev.hilbench.server.store.StoredReading;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input is counted per device and reported; the connection and the server go on. */
class BadInputTest {

  @TempDir Path dir;

  @Test
  void eachBadLineIsCountedReportedAndTheConnectionGoesOn() throws Exception {
    Path db = dir.resolve("r.db");
    try (RunningServer s = RunningServer.start(ServerConfig.forTests(db).withOutput(OutputMode.LINES));
         Node node = s.connectFrom("127.0.0.5")) {
      node.reading(0, 100, 20, 50)
          .line("12,1234567,28.3")                   // field_count
          .reading(1, 200, 20, 50)
          .line("2,300,nan,50")                      // bad_temperature: a failed DHT read
          .line("3,400,25,101")                      // humidity_range
          .line("4,500,-41,50")                      // temperature_range
          .send(new byte[] {'5', ',', 0, (byte) 0xFF, '\r', '\n'}) // invalid_byte: binary
          .send("6,600,25\u00b0C,50\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)) // invalid_byte: UTF-8
          .line("7".repeat(300))                     // oversize
          .line("#bye")                              // unknown_control
          .reading(2, 300, 21, 51);
      s.awaitStored(3);
      s.awaitMalformed(8);
      DeviceSnapshot d = s.device("127.0.0.5");
      assertEquals(8, d.malformed());
      assertEquals(1, d.malformed(LineError.FIELD_COUNT));
      assertEquals(1, d.malformed(LineError.BAD_TEMPERATURE));
      assertEquals(1, d.malformed(LineError.HUMIDITY_RANGE));
      assertEquals(1, d.malformed(LineError.TEMPERATURE_RANGE));
      assertEquals(2, d.malformed(LineError.INVALID_BYTE));
      assertEquals(1, d.malformed(LineError.OVERSIZE));
      assertEquals(1, d.malformed(LineError.UNKNOWN_CONTROL));
      assertEquals(LineError.UNKNOWN_CONTROL, d.lastMalformed().error());
      assertEquals(3, d.readings());
      assertTrue(d.connected(), "the connection goes on");
      s.awaitErr("binary reported", "127.0.0.5 bad line, invalid_byte: byte 0x00 at column 3");
      String err = s.err.text();
      assertTrue(err.contains("127.0.0.5 bad line, field_count: expected 4 comma-separated fields"), err);
      assertTrue(err.contains("\"5,\\x00\\xFF\""), "binary shown escaped: " + err);
      assertTrue(err.contains("\"6,600,25\\xC2\\xB0C,50\""), "UTF-8 shown escaped: " + err);
      assertTrue(err.contains("oversize: line longer than 256 bytes, skipped up to its end: \"" + "7".repeat(48) + "...\""), err);
      assertEquals(1, s.stats().connectionsOpen());
    }
    List<StoredReading> stored = ReadingStore.readAll(db);
    assertEquals(List.of(0L, 1L, 2L), stored.stream().map(StoredReading::seq).toList());
  }

  @Test
  void garbageBeforeAnyLineAndBetweenLinesLosesNothingElse() throws Exception {
    try (RunningServer s = RunningServer.start(ServerConfig.forTests(dir.resolve("r.db"))); Node node = s.connect()) {
      byte[] garbage = new byte[4096];
      new java.util.Random(42).nextBytes(garbage);
      node.send(garbage).send("\n").hello("n1", "b1", false).readings(0, 9).send(garbage).send("\n").readings(10, 19);
      s.awaitStored(20);
      DeviceSnapshot n1 = s.device("n1");
      assertEquals(20, n1.readings());
      assertEquals(0, n1.gaps());
      assertTrue(s.stats().malformed() >= 2, "the garbage was reported");
    }
  }

  @Test
  void aFloodOfBadLinesIsCountedInFullButReportedAtTenASecond() throws Exception {
    try (RunningServer s = RunningServer.start(ServerConfig.forTests(dir.resolve("r.db")).withOutput(OutputMode.LINES))) {
      try (Node node = s.connectFrom("127.0.0.6")) {
        node.send("junk\n".repeat(1_000));
        s.awaitMalformed(1_000);
      }
      s.awaitErr("the summary at disconnect", "more bad lines not shown");
      String err = s.err.text();
      long reported = err.lines().filter(l -> l.contains("bad line, field_count")).count();
      assertTrue(reported >= 10 && reported < 1_000, reported + " reports:\n" + err);
      assertEquals(1_000, s.device("127.0.0.6").malformed(LineError.FIELD_COUNT));
    }
  }

  @Test
  void aConnectionResetMidLineReportsTheTruncatedLineAndOthersGoOn() throws Exception {
    try (RunningServer s = RunningServer.start(ServerConfig.forTests(dir.resolve("r.db")).withOutput(OutputMode.LINES));
         Node other = s.connectFrom("127.0.0.3")) {
      Node node = s.connectFrom("127.0.0.2");
      node.readings(0, 4).send("5,500,21.");
      long sent = "5,500,21.".length();
      RunningServer.waitUntil("the server read the half line", () -> s.stats().bytesRead() >= sent + 5 * 15);
      s.awaitStored(5);
      node.reset();
      s.awaitMalformed(1);
      assertEquals(1, s.device("127.0.0.2").malformed(LineError.TRUNCATED));
      assertFalse(s.device("127.0.0.2").connected());
      s.awaitErr("the half line is shown", "truncated: the connection ended inside a line (9 bytes without a newline): \"5,500,21.\"");
      other.readings(0, 2);
      s.awaitStored(8);
      assertFalse(other.closedByServer(Duration.ofMillis(50)), "the other connection is untouched");
    }
  }
}
