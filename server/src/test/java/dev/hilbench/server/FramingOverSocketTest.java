package dev.hilbench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hilbench.protocol.LineCodec;
import dev.hilbench.protocol.Reading;
import dev.hilbench.server.store.ReadingStore;
import dev.hilbench.server.store.StoredReading;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whatever way TCP cuts the stream, the same readings arrive, once, in order. */
class FramingOverSocketTest {

  @TempDir Path dir;

  @Test
  void coalescedLinesInOneWriteAllArrive() throws Exception {
    Path db = dir.resolve("r.db");
    try (RunningServer s = RunningServer.start(ServerConfig.forTests(db)); Node node = s.connect()) {
      node.hello("bulk", "b1", false).readings(0, 4_999);
      s.awaitStored(5_000);
      assertEquals(0, s.device("bulk").gaps());
    }
    List<StoredReading> stored = ReadingStore.readAll(db);
    assertEquals(5_000, stored.size());
    for (int i = 0; i < stored.size(); i++) {
      assertEquals(i, stored.get(i).seq(), "stored in order");
    }
  }

  @Test
  void aStreamSplitAtEveryPositionGivesTheSameReadings() throws Exception {
    Path db = dir.resolve("r.db");
    List<Reading> sent = new ArrayList<>();
    try (RunningServer s = RunningServer.start(ServerConfig.forTests(db)); Node node = s.connect()) {
      long bytes = 0;
      int split = 0;
      do {
        // Three lines, CR LF, LF and CR LF, split in two writes at position 'split'; the first
        // part is read by the server before the second is sent.
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < 3; k++) {
          Reading r = new Reading(sent.size(), 100L * sent.size(), -5.25 + k, 40.5 + k);
          sent.add(r);
          text.append(LineCodec.encode(r, 2)).append(k == 1 ? "\n" : "\r\n");
        }
        byte[] stream = text.toString().getBytes(StandardCharsets.US_ASCII);
        int cut = Math.min(split, stream.length);
        node.send(java.util.Arrays.copyOfRange(stream, 0, cut));
        long firstPart = bytes + cut;
        RunningServer.waitUntil("the server read the first " + cut + " bytes", () -> s.stats().bytesRead() >= firstPart);
        node.send(java.util.Arrays.copyOfRange(stream, cut, stream.length));
        bytes += stream.length;
        if (split++ >= stream.length) {
          break;
        }
      } while (true);
      s.awaitStored(sent.size());
      assertEquals(0, s.stats().malformed(), s.err.text());
    }
    List<StoredReading> stored = ReadingStore.readAll(db);
    assertEquals(sent.size(), stored.size());
    for (int i = 0; i < sent.size(); i++) {
      Reading want = sent.get(i);
      StoredReading got = stored.get(i);
      assertEquals(List.of(want.seq(), want.millis(), want.temperature(), want.humidity()),
          List.of(got.seq(), got.millis(), got.temperature(), got.humidity()), "reading " + i);
    }
  }
}
