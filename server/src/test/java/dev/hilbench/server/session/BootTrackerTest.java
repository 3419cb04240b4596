package dev.hilbench.server.session;

import static dev.hilbench.server.session.ReadingVerdict.DUPLICATE;
import static dev.hilbench.server.session.ReadingVerdict.NEW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BootTrackerTest {

  @Test
  void aBootIdNeverUsedBeforeIsAReboot() {
    BootTracker t = new BootTracker(false);
    assertFalse(t.announce("b1"), "the first boot seen is no reboot");
    assertFalse(t.announce("b1"), "a reconnect in the same boot");
    assertTrue(t.announce("b2"));
    assertFalse(t.announce("b1"), "an old connection of a known boot is no new reboot");
    assertEquals("b1", t.current());
  }

  @Test
  void eachBootHasItsOwnSeqNumbers() {
    BootTracker t = new BootTracker(false);
    t.announce("b1");
    assertEquals(NEW, t.offer("b1", 0, 100));
    assertEquals(NEW, t.offer("b1", 1, 200));
    t.announce("b2");
    assertEquals(NEW, t.offer("b2", 0, 90), "seq 0 again, in a new boot");
    assertEquals("b2", t.boot());
    assertEquals(DUPLICATE, t.offer("b1", 1, 200), "a resend of the old boot is still recognised");
    assertFalse(t.rebooted(), "devices with hello are never inferred to reboot");
  }

  @Test
  void withoutHelloTheServerNumbersBootsWhenSeqAndMillisBothGoBack() {
    BootTracker t = new BootTracker(true);
    assertEquals(NEW, t.offer(null, 0, 5_000));
    assertEquals("ip-1", t.boot());
    assertFalse(t.rebooted(), "the first reading starts ip-1, no reboot");
    assertEquals(NEW, t.offer(null, 1, 10_000));
    assertEquals(DUPLICATE, t.offer(null, 1, 10_000), "seq back, millis not: a resend");
    assertEquals(NEW, t.offer(null, 2, 3), "millis back, seq on: millis() wrapped after 49 days");
    assertEquals("ip-1", t.boot());
    assertFalse(t.rebooted());
    assertEquals(NEW, t.offer(null, 0, 1), "both back: the node started again");
    assertTrue(t.rebooted());
    assertEquals("ip-2", t.boot());
    assertEquals(0, t.gap());
  }

  @Test
  void restoringStoredReadingsContinuesTheirBootsAndNumbering() {
    BootTracker ip = new BootTracker(true);
    ip.restore("ip-1", 0, 100);
    ip.restore("ip-3", 10, 5_000);
    assertEquals(NEW, ip.offer(null, 11, 6_000));
    assertEquals("ip-3", ip.boot(), "the node did not reboot while the server was down");
    assertEquals(0, ip.gap());
    assertEquals(DUPLICATE, ip.offer(null, 11, 6_000), "sent again");
    assertEquals(NEW, ip.offer(null, 0, 10));
    assertEquals("ip-4", ip.boot(), "numbering continues after the highest stored");

    BootTracker named = new BootTracker(false);
    for (long seq = 0; seq < 5; seq++) {
      named.restore("b1", seq, seq * 1000);
    }
    assertFalse(named.announce("b1"), "same boot as stored: a reconnect");
    assertEquals(DUPLICATE, named.offer("b1", 3, 3000));
    assertEquals(NEW, named.offer("b1", 5, 5000));
    assertEquals(0, named.gap());
    assertTrue(named.announce("b2"));
  }

  @Test
  void onlyTheMostRecentBootsAreRemembered() {
    BootTracker t = new BootTracker(false);
    for (int b = 1; b <= BootTracker.MAX_BOOTS + 1; b++) {
      t.announce("b" + b);
      t.offer("b" + b, 0, 1);
    }
    assertEquals(DUPLICATE, t.offer("b2", 0, 1));
    assertEquals(NEW, t.offer("b1", 0, 1), "b1's history was dropped after " + BootTracker.MAX_BOOTS + " newer boots");
  }
}
