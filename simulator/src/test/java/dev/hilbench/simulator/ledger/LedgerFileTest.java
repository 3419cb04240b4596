package dev.hilbench.simulator.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerFileTest {

  @TempDir Path dir;

  @Test
  void roundTrips() throws IOException {
    Ledger l = new Ledger(42, "r1", List.of(new LedgerRecord("a", "r1.0", "g", "SSfdmA", 1, 2),
        new LedgerRecord("a", "r1.1", "g", "", 0, 0)));
    Path f = dir.resolve("x.ledger");
    LedgerFile.write(l, f);
    assertEquals(l, LedgerFile.read(f));
    assertTrue(Files.readString(f).startsWith("{\"ledger\":\"hilbench-ledger/1\""));
  }

  @Test
  void badFilesAreNamedWithTheLine() throws IOException {
    Path f = dir.resolve("bad.ledger");
    Files.writeString(f, "{\"ledger\":\"hilbench-ledger/1\",\"seed\":1,\"run\":\"r\"}\n{\"device\":\"a\",\"boot\":\"b\",\"fates\":\"SZ\"}\n");
    IOException e = assertThrows(IOException.class, () -> LedgerFile.read(f));
    assertTrue(e.getMessage().contains("bad.ledger:2: fates[1]: 'Z' is not a fate code"), e.getMessage());
    Files.writeString(f, "hello\n");
    e = assertThrows(IOException.class, () -> LedgerFile.read(f));
    assertTrue(e.getMessage().contains("bad.ledger:1: not JSON"), e.getMessage());
    Files.writeString(f, "{\"something\":\"else\"}\n");
    e = assertThrows(IOException.class, () -> LedgerFile.read(f));
    assertTrue(e.getMessage().contains("not a hilbench ledger"), e.getMessage());
  }

  @Test
  void bootLedgerRecordsInOrderAndSettlesWhatIsPending() {
    BootLedger b = new BootLedger("a", "r1.0", "g");
    for (int i = 0; i < 40; i++) {
      b.add(i, i % 3 == 0 ? Fate.PENDING : Fate.SENT);
    }
    assertThrows(IllegalStateException.class, () -> b.add(41, Fate.SENT), "seq 40 comes first");
    b.set(3, Fate.ACKED);
    b.abruptEnd();
    b.settlePending(Fate.UNSENT);
    LedgerRecord r = b.snapshot();
    assertEquals(40, r.generated());
    assertEquals(Fate.ACKED, r.fate(3));
    assertEquals(Fate.UNSENT, r.fate(0));
    assertEquals(0, r.count(Fate.PENDING));
    assertEquals(1, r.abruptEnds());
  }
}
