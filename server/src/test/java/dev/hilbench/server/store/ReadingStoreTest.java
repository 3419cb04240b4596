package dev.hilbench.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.protocol.Reading;
import dev.hilbench.server.IdentifiedBy;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadingStoreTest {

  @TempDir Path dir;

  @Test
  void writesReadsAndReplaysInStorageOrder() throws Exception {
    Path db = dir.resolve("sub/dir/r.db");
    try (ReadingStore store = ReadingStore.open(db)) {
      assertEquals(0, store.maxStreamId());
      StoreBatch b = new StoreBatch();
      b.addStream(new StreamRecord(1, "n1", IdentifiedBy.HELLO, "b1", "127.0.0.1:4000", 10));
      b.addStream(new StreamRecord(2, "10.0.0.9", IdentifiedBy.IP, "ip-1", "10.0.0.9:5000", 11));
      b.addReading(1, new Reading(0, 100, 21.5, 40), 1000);
      b.addReading(2, new Reading(7, 700, -3.25, 99.9), 1001);
      b.addReading(1, new Reading(1, 200, 21.6, 41), 1002);
      b.addEvent(new SessionEvent(999, "n1", "127.0.0.1:4000", "hello", "fw=1 boot=b1 ack=0"));
      store.write(List.of(b));
      assertEquals(2, store.maxStreamId());

      List<String> replayed = new ArrayList<>();
      List<String> boots = new ArrayList<>();
      assertEquals(3, store.replay((device, by, boot, seq, millis) -> {
        replayed.add(device + " " + by + " " + boot + " " + seq + " " + millis);
        boots.add(boot);
      }));
      assertEquals(List.of("n1 HELLO b1 0 100", "10.0.0.9 IP ip-1 7 700", "n1 HELLO b1 1 200"), replayed);
      assertSame(boots.get(0), boots.get(2), "one string instance per value, so boots compare by identity");
    }
    assertEquals(List.of(
        new StoredReading("n1", "b1", 0, 100, 21.5, 40, 1000, "127.0.0.1:4000"),
        new StoredReading("10.0.0.9", "ip-1", 7, 700, -3.25, 99.9, 1001, "10.0.0.9:5000"),
        new StoredReading("n1", "b1", 1, 200, 21.6, 41, 1002, "127.0.0.1:4000")), ReadingStore.readAll(db));
    assertEquals(List.of(new SessionEvent(999, "n1", "127.0.0.1:4000", "hello", "fw=1 boot=b1 ack=0")),
        ReadingStore.readEvents(db));
  }

  @Test
  void aFailedTransactionLeavesNothingAndTheNextOneWorks() throws Exception {
    Path db = dir.resolve("r.db");
    try (ReadingStore store = ReadingStore.open(db)) {
      StoreBatch bad = new StoreBatch();
      bad.addStream(new StreamRecord(1, "n1", IdentifiedBy.HELLO, "b1", "p", 1));
      bad.addReading(1, new Reading(0, 1, 20, 50), 1);
      bad.addStream(new StreamRecord(1, "n1", IdentifiedBy.HELLO, "b1", "p", 1)); // same id: constraint violation
      assertThrows(SQLException.class, () -> store.write(List.of(bad)));
      assertEquals(0, ReadingStore.readAll(db).size(), "rolled back");
      StoreBatch good = new StoreBatch();
      good.addStream(new StreamRecord(1, "n1", IdentifiedBy.HELLO, "b1", "p", 1));
      good.addReading(1, new Reading(0, 1, 20, 50), 1);
      store.write(List.of(good));
    }
    assertEquals(1, ReadingStore.readAll(db).size());
  }

  @Test
  void refusesAnotherSqliteFileAndAMissingOne() throws Exception {
    Path foreign = dir.resolve("other.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + foreign)) {
      c.createStatement().execute("CREATE TABLE customers (name TEXT)");
    }
    IOException e = assertThrows(IOException.class, () -> ReadingStore.open(foreign));
    assertTrue(e.getMessage().contains("is not a hilbench store"), e.getMessage());
    assertThrows(IOException.class, () -> ReadingStore.readAll(foreign));
    assertThrows(NoSuchFileException.class, () -> ReadingStore.readAll(dir.resolve("missing.db")));
  }

  @Test
  void acknowledgementsOfARunOfOneConnectionAreFoldedIntoOne() {
    List<String> calls = new ArrayList<>();
    AckTarget a = seq -> calls.add("a" + seq), b = seq -> calls.add("b" + seq);
    StoreBatch batch = new StoreBatch();
    for (long seq = 0; seq < 5000; seq++) {
      batch.addAck(a, seq);
    }
    batch.addAck(b, 3);
    batch.addAck(a, 2); // a duplicate resent: a's acknowledgement is repeated, still cumulative
    batch.deliverAcks();
    assertEquals(List.of("a4999", "b3", "a2"), calls);
    batch.clear();
    assertTrue(batch.isEmpty());
  }
}
