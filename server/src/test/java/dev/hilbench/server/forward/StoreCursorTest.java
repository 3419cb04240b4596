package dev.hilbench.server.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.protocol.Reading;
import dev.hilbench.server.IdentifiedBy;
import dev.hilbench.server.store.ReadingStore;
import dev.hilbench.server.store.StoreBatch;
import dev.hilbench.server.store.StoredReading;
import dev.hilbench.server.store.StreamRecord;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The forwarder's side of a real SQLite store: batches after a cursor, the cursor table. */
class StoreCursorTest {

  @TempDir Path dir;

  @Test
  void batchesFollowTheCursorInStoreOrderAcrossStreams() throws Exception {
    Path db = dir.resolve("r.db");
    try (ReadingStore store = ReadingStore.open(db)) {
      StoreBatch b = new StoreBatch();
      b.addStream(new StreamRecord(1, "node-1", IdentifiedBy.HELLO, "b1", "127.0.0.1:4000", 0));
      b.addStream(new StreamRecord(2, "127.0.0.9", IdentifiedBy.IP, "ip-1", "127.0.0.9:4001", 0));
      for (int seq = 0; seq < 5; seq++) {
        b.addReading(1 + seq % 2, new Reading(seq, 1000L * seq, 20.5, 40), 1740844801000L + seq);
      }
      store.write(List.of(b));
    }
    List<StoredReading> all = ReadingStore.readAll(db);
    try (Connection c = StoreConnection.open(db); CommittedReadings source = new CommittedReadings(c)) {
      List<StoredReading> seen = new ArrayList<>();
      List<Integer> sizes = new ArrayList<>();
      long cursor = 0;
      for (Batch batch = source.after(cursor, 2); !batch.isEmpty(); batch = source.after(cursor, 2)) {
        seen.addAll(batch.readings());
        sizes.add(batch.size());
        assertTrue(batch.lastRowid() > cursor);
        cursor = batch.lastRowid();
      }
      assertEquals(all, seen, "every reading once, in store order");
      assertEquals(List.of(2, 2, 1), sizes);
      assertEquals(5, source.maxRowid());
      assertEquals(5, cursor);
      Batch none = source.after(cursor, 2);
      assertEquals(cursor, none.lastRowid(), "an empty batch leaves the cursor where it was");
    }
  }

  @Test
  void cursorsAreKeptPerUrlAndTheStoreStillOpens() throws Exception {
    Path db = dir.resolve("r.db");
    ReadingStore.open(db).close();
    try (Connection c = StoreConnection.open(db); CursorTable cursors = new CursorTable(c)) {
      assertEquals(0, cursors.load("http://a/x"), "a new URL starts from the beginning");
      cursors.save("http://a/x", 41);
      cursors.save("http://a/x", 42);
      cursors.save("http://b/y", 7);
      assertEquals(42, cursors.load("http://a/x"));
      assertEquals(7, cursors.load("http://b/y"));
    }
    try (Connection c = StoreConnection.open(db); CursorTable again = new CursorTable(c)) {
      assertEquals(42, again.load("http://a/x"), "kept across connections (and restarts)");
    }
    ReadingStore.open(db).close(); // the extra table does not make the server refuse its own store
    assertEquals(List.of(), ReadingStore.readAll(db));
  }
}
