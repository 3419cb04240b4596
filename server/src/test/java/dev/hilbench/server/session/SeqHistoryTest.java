package dev.hilbench.server.session;

import static dev.hilbench.server.session.ReadingVerdict.DUPLICATE;
import static dev.hilbench.server.session.ReadingVerdict.LATE;
import static dev.hilbench.server.session.ReadingVerdict.NEW;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeqHistoryTest {

  @Test
  void inOrderReadingsAreNewWithoutGaps() {
    SeqHistory h = new SeqHistory();
    for (long seq = 0; seq < 100; seq++) {
      assertEquals(NEW, h.offer(seq), "seq " + seq);
      assertEquals(0, h.lastGap(), "gap before seq " + seq);
    }
    assertEquals(99, h.high());
    assertEquals(0, h.holes());
  }

  @Test
  void aJumpCountsTheSkippedNumbersAndALateOneFillsItsHole() {
    SeqHistory h = new SeqHistory();
    assertEquals(NEW, h.offer(0));
    assertEquals(NEW, h.offer(5));
    assertEquals(4, h.lastGap(), "1..4 skipped");
    assertEquals(4, h.missing());
    assertEquals(LATE, h.offer(3));
    assertEquals(0, h.lastGap(), "a late reading reports no gap");
    assertEquals(3, h.missing());
    assertEquals(2, h.holes(), "1..2 and 4 remain");
    assertEquals(DUPLICATE, h.offer(3), "3 arrived already");
    assertEquals(DUPLICATE, h.offer(5));
    assertEquals(DUPLICATE, h.offer(0));
    assertEquals(LATE, h.offer(1));
    assertEquals(LATE, h.offer(2));
    assertEquals(LATE, h.offer(4));
    assertEquals(0, h.holes());
  }

  @Test
  void theFirstReadingOfABootCountsWhatCameBeforeItAsMissing() {
    SeqHistory h = new SeqHistory();
    assertEquals(NEW, h.offer(7));
    assertEquals(7, h.lastGap(), "seq numbers readings from 0 at boot: 0..6 never arrived");
    assertEquals(LATE, h.offer(0), "and may still arrive, from a node's buffer");
  }

  @Test
  void holesAreBoundedAndTheOldestIsForgotten() {
    SeqHistory h = new SeqHistory();
    // Every odd number skipped: one hole per reading.
    int readings = SeqHistory.MAX_HOLES + 44;
    for (long i = 0; i <= readings; i++) {
      h.offer(2 * i);
    }
    assertEquals(SeqHistory.MAX_HOLES, h.holes());
    assertEquals(DUPLICATE, h.offer(1), "the oldest holes are forgotten: counted as received (never stored twice)");
    assertEquals(LATE, h.offer(2L * readings - 1), "the newest hole is remembered");
  }

  @Test
  void agreesWithASetOfEverythingReceivedOnRandomArrivals() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    for (int round = 0; round < 200; round++) {
      SeqHistory h = new SeqHistory();
      Set<Long> received = new HashSet<>();
      long max = -1;
      for (int i = 0; i < 300; i++) {
        // Mostly ascending with jumps, sometimes a resend or a late one: at most 200 distinct
        // numbers below 400, so never more holes than remembered.
        long seq = random.nextInt(4) == 0 ? random.nextInt((int) Math.max(1, max + 1)) : max + 1 + random.nextInt(3);
        if (seq >= 400) {
          continue;
        }
        ReadingVerdict expected = received.contains(seq) ? DUPLICATE : seq > max ? NEW : LATE;
        assertEquals(expected, h.offer(seq), "seed " + seed + ", round " + round + ", seq " + seq);
        received.add(seq);
        max = Math.max(max, seq);
        assertEquals(max + 1 - received.size(), h.missing(), "missing, seed " + seed);
      }
    }
  }
}
