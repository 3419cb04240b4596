package dev.hilbench.hil.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.hil.Hex;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayLinkTest {

  static List<LinkEvent> script(String text) {
    return TraceFormat.parse(text, "test script");
  }

  @Test
  void releasesTheRepliesOfEachMatchedWriteWhateverTheWriteSplit() throws Exception {
    ReplayLink link = ReplayLink.of("r", script("""
        < 01
        > aa bb cc
        < 02 03
        baud 115200
        > dd
        < 04
        """));
    byte[] buf = new byte[16];
    assertEquals(1, link.read(buf, 0, 16, Duration.ZERO), "the first read is there from the start");
    link.write(Hex.bytes("aa"));
    assertEquals(0, link.read(buf, 0, 16, Duration.ZERO), "nothing before the whole write matched");
    link.write(Hex.bytes("bb cc dd"));
    assertEquals(3, link.read(buf, 0, 16, Duration.ZERO));
    assertEquals("02 03 04", Hex.of(java.util.Arrays.copyOf(buf, 3)));
    link.assertFinished();
  }

  @Test
  void aWrongByteFailsAtOnceNamingTheDifference() {
    ReplayLink link = ReplayLink.of("r", script("> c0 00 08 c0"));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> link.write(Hex.bytes("c0 00 09 c0")));
    assertEquals("replay of r: write differs at byte 2 of > c0 00 08 c0: expected 0x08, got 0x09", e.getMessage());
    assertThrows(IllegalStateException.class, link::assertFinished, "the mismatch sticks");
  }

  @Test
  void aWriteBeyondTheScriptFails() {
    ReplayLink link = ReplayLink.of("r", script("< 01"));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> link.write(Hex.bytes("c0")));
    assertTrue(e.getMessage().contains("the script expects nothing more (end of script)"), e.getMessage());
  }

  @Test
  void lineChangesAreCheckedOrRefusedLikeAPseudoTerminal() throws Exception {
    ReplayLink link = ReplayLink.of("r", script("lines dtr=0 rts=1\nlines dtr=1"));
    link.setDtrRts(false, true);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> link.setRts(true));
    assertTrue(e.getMessage().contains("the host set lines rts=1 but the script expects event 2: lines dtr=1"),
        e.getMessage());
    ReplayLink pty = ReplayLink.withoutLines("/dev/pts/1", script(""));
    assertThrows(LinesUnavailableException.class, () -> pty.setDtr(true));
  }

  @Test
  void anUnfinishedScriptIsReported() throws Exception {
    ReplayLink link = ReplayLink.of("r", script("> 01\n> 02"));
    link.write(Hex.bytes("01"));
    IllegalStateException e = assertThrows(IllegalStateException.class, link::assertFinished);
    assertEquals("replay of r stopped early: event 2 of 2 not reached: event 2: > 02", e.getMessage());
  }

  @Test
  void discardingDropsWhatWasReleasedAndASilentReadWaitsItsTimeout() throws Exception {
    ReplayLink link = ReplayLink.of("r", script("< 01 02"));
    link.discardInput();
    long start = System.nanoTime();
    assertEquals(0, link.read(new byte[4], 0, 4, Duration.ofMillis(30)));
    assertTrue(System.nanoTime() - start >= Duration.ofMillis(25).toNanos(), "a silent wire is silent for the timeout");
  }

  @Test
  void aClosedLinkFailsItsReader() {
    ReplayLink link = ReplayLink.of("r", script(""));
    link.close();
    assertThrows(LinkClosedException.class, () -> link.read(new byte[1], 0, 1, Duration.ofMillis(10)));
  }

  @Test
  void tracesRoundTripThroughText() throws Exception {
    RecordingLink recording = new RecordingLink(ReplayLink.of("r", script("> 0a 0b\n< 0c\nlines dtr=1 rts=0")));
    recording.write(Hex.bytes("0a 0b"));
    byte[] buf = new byte[4];
    assertEquals(1, recording.read(buf, 0, 4, Duration.ZERO));
    recording.setDtrRts(true, false);
    recording.discardInput();
    String text = TraceFormat.format(recording.events());
    List<LinkEvent> parsed = TraceFormat.parse(text, "round trip");
    assertEquals(recording.events(), parsed);
    assertEquals("[> 0a 0b, < 0c, lines dtr=1 rts=0, discard]", parsed.toString());
  }

  @Test
  void aBadTraceLineIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TraceFormat.parse("# ok\n> 00\nlines dtr=2\n", "bad.trace"));
    assertEquals("bad.trace line 3: unknown line setting 'dtr=2'", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> TraceFormat.parse("> 0g\n", "bad.trace"));
    assertTrue(e.getMessage().startsWith("bad.trace line 1: "), e.getMessage());
  }
}
