package dev.hilbench.hil.console;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.hil.link.PipeLink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SuppressWarnings("try")   // a paused console is held, not used, while the test owns the link
class ConsoleTest {

  @TempDir Path dir;
  PipeLink link;
  Console console;
  final List<String> heard = new CopyOnWriteArrayList<>();
  final List<Throwable> failures = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    link = new PipeLink();
    console = Console.start(link, dir.resolve("run.log"), Redactor.standard().withSecret("hunter2"),
        new Console.Listener() {
          @Override
          public void line(ConsoleLine line) {
            heard.add(line.text());
          }

          @Override
          public void failed(Throwable cause) {
            failures.add(cause);
          }
        });
  }

  @AfterEach
  void stop() throws IOException {
    console.close();
  }

  @Test
  void twoLinesInOneReadAreTwoMatchesNeverOne() {
    link.deliver("HB wifi up ip=10.0.0.7\r\nHB connect ok server=10.0.0.1:5050\r\n");
    assertEquals("10.0.0.7", console.expect("HB wifi up ip=(\\S+)", Duration.ofSeconds(5)).group(1));
    assertEquals("10.0.0.1:5050", console.expect("HB connect ok server=(\\S+)", Duration.ofSeconds(5)).group(1));
    assertEquals(1, link.dataReads(), "both lines came in a single read");
  }

  @Test
  void aLineSplitAcrossReadsIsOneLine() {
    link.deliver("HB sent se");
    link.deliver("q=4 millis=1000 t=21.5 h=40.0\n");
    ConsoleMatch m = console.expect("^HB sent seq=(\\d+) ", Duration.ofSeconds(5));
    assertEquals("4", m.group(1));
  }

  @Test
  void expectsMoveForwardAndDoNotMatchALineTwice() {
    link.deliver("HB ack seq=1\nHB ack seq=2\n");
    assertEquals("1", console.expect("HB ack seq=(\\d+)", Duration.ofSeconds(5)).group(1));
    assertEquals("2", console.expect("HB ack seq=(\\d+)", Duration.ofSeconds(5)).group(1));
    assertThrows(ExpectTimeoutException.class, () -> console.expect("HB ack seq=", Duration.ofMillis(50)));
  }

  @Test
  void skipReceivedIgnoresWhatCameBefore() {
    link.deliver("HB boot device=a fw=1 boot=1\n");
    await("the first boot line").atMost(Duration.ofSeconds(5)).until(() -> heard.size() == 1);
    console.skipReceived();
    link.deliver("HB boot device=a fw=1 boot=2\n");
    assertEquals("2", console.expect("boot=(\\d+)", Duration.ofSeconds(5)).group(1));
  }

  @Test
  void aTimeoutReportsThePatternTheLastLinesAndTheTranscript() {
    link.deliver("HB boot device=n1 fw=1.0 boot=7\nHB wifi down\n");
    await("two lines").atMost(Duration.ofSeconds(5)).until(() -> heard.size() == 2);
    ExpectTimeoutException e = assertThrows(ExpectTimeoutException.class,
        () -> console.expect("HB connect ok", Duration.ofMillis(100)));
    String m = e.getMessage();
    assertTrue(m.startsWith("expected /HB connect ok/ on pipe within 0.1 s; not seen.\nLast lines received:\n"), m);
    assertTrue(m.contains("  HB boot device=n1 fw=1.0 boot=7\n") || m.contains("HB boot device=n1 fw=1.0 boot=7"), m);
    assertTrue(m.contains("HB wifi down"), m);
    assertTrue(m.endsWith("Transcript: " + dir.resolve("run.log").toAbsolutePath()), m);
  }

  @Test
  void aTimeoutWithNothingReceivedSaysSo() {
    ExpectTimeoutException e = assertThrows(ExpectTimeoutException.class,
        () -> console.expect("HB boot", Duration.ofMillis(50)));
    assertTrue(e.getMessage().contains("(none: nothing was received)"), e.getMessage());
  }

  @Test
  void sendWaitsForTheReplyToItsCommand() throws Exception {
    CompletableFuture<String> reply = CompletableFuture.supplyAsync(() -> {
      try {
        return console.send("interval 2000", Duration.ofSeconds(5));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    await("the command written").atMost(Duration.ofSeconds(5)).until(() -> link.written().equals("interval 2000\n"));
    link.deliver("HB sent seq=3 millis=1 t=1.0 h=1.0\nOK status mode=app\nOK interval 2000\n");
    assertEquals("OK interval 2000", reply.get());
  }

  @Test
  void anErrReplyIsThrownWithItsReason() {
    CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
      try {
        console.send("fault nope", Duration.ofSeconds(5));
        return null;
      } catch (Throwable t) {
        return t;
      }
    });
    await("the command written").atMost(Duration.ofSeconds(5)).until(() -> link.written().equals("fault nope\n"));
    link.deliver("ERR fault: unknown fault 'nope' (known: drop, sensor_fail)\n");
    CommandFailedException e = assertInstanceOf(CommandFailedException.class, outcome.join());
    assertEquals("the device refused 'fault nope': ERR fault: unknown fault 'nope' (known: drop, sensor_fail)",
        e.getMessage());
  }

  @Test
  void aReplyThatNeverComesIsATimeoutNamingTheCommand() {
    ExpectTimeoutException e = assertThrows(ExpectTimeoutException.class,
        () -> console.send("wifi pass hunter2", Duration.ofMillis(100)));
    assertTrue(e.getMessage().startsWith("expected the reply to 'wifi pass ***'"), e.getMessage());
    assertTrue(!e.getMessage().contains("hunter2"), "the secret stays out of the message");
  }

  @Test
  void secretsAreMaskedInTheTranscript() throws Exception {
    console.write("wifi ssid lab");
    console.write("wifi pass hunter2");
    link.deliver("OK wifi pass ***\nHB note password was hunter2\n");
    await("two lines").atMost(Duration.ofSeconds(5)).until(() -> heard.size() == 2);
    console.close();
    String transcript = Files.readString(dir.resolve("run.log"));
    assertTrue(!transcript.contains("hunter2"), transcript);
    assertTrue(transcript.contains(" > wifi ssid lab\n"), transcript);
    assertTrue(transcript.contains(" > wifi pass ***\n"), transcript);
    assertTrue(transcript.contains(" < HB note password was ***\n"), transcript);
    assertTrue(link.written().contains("wifi pass hunter2\n"), "the device still gets the real password");
  }

  @Test
  void bootNoiseAtAnotherBaudIsToleratedAndShownEscaped() {
    byte[] noise = {(byte) 0xF3, 0x07, (byte) 0x81, 0x00, (byte) 0xFE, '\r', '\n'};
    link.deliver(noise);
    link.deliver("HB boot device=n1 fw=1.0 boot=1\n");
    console.expect("^HB boot ", Duration.ofSeconds(5));
    assertEquals("\\xf3\\x07\\x81\\x00\\xfe", console.lines().get(0).text());
  }

  @Test
  void noiseWithoutNewlinesIsCutInBoundedLines() {
    link.deliver("x".repeat(Console.MAX_LINE * 3));
    link.deliver("\nHB boot device=n1 fw=1.0 boot=1\n");
    console.expect("^HB boot ", Duration.ofSeconds(5));
    List<ConsoleLine> lines = console.lines();
    assertTrue(lines.get(0).text().endsWith("[line longer than 1024 bytes, cut]"), lines.get(0).text());
    assertEquals(1024 + " [line longer than 1024 bytes, cut]".length(), lines.get(0).text().length());
    assertEquals(2, lines.size());
  }

  @Test
  void pausingStopsTheReaderUntilResumed() throws Exception {
    link.deliver("HB before\n");
    console.expect("HB before", Duration.ofSeconds(5));
    try (Console.Paused paused = console.pause("flashing")) {
      link.deliver("c0 reply for the flasher");
      byte[] buf = new byte[64];
      int n = link.read(buf, 0, buf.length, Duration.ofSeconds(1));
      assertEquals("c0 reply for the flasher", new String(buf, 0, n), "the flasher reads it, not the console");
    }
    link.deliver("HB after\n");
    console.expect("HB after", Duration.ofSeconds(5));
    assertEquals(List.of("HB before", "HB after"), console.lines().stream().map(ConsoleLine::text).toList());
    console.close();
    String transcript = Files.readString(dir.resolve("run.log"));
    assertTrue(transcript.contains(" # paused: flashing\n"), transcript);
    assertTrue(transcript.contains(" # resumed\n"), transcript);
  }

  @Test
  void aPartialLineBeforeAPauseIsKeptAsALine() throws Exception {
    link.deliver("HB half a li");
    await("the partial line read").atMost(Duration.ofSeconds(5)).until(() -> link.dataReads() == 1);
    try (Console.Paused paused = console.pause("flashing")) {
      assertEquals(List.of("HB half a li"), console.lines().stream().map(ConsoleLine::text).toList());
    }
  }

  @Test
  void aReaderFailureIsNeverSwallowed() throws Exception {
    IOException gone = new IOException("the port is gone");
    link.breakWith(gone);
    await("the reader failed").atMost(Duration.ofSeconds(5)).until(() -> !failures.isEmpty());
    assertSame(gone, failures.get(0), "the listener got it");
    assertSame(gone, console.failure(), "the console keeps it");
    ConsoleClosedException e = assertThrows(ConsoleClosedException.class,
        () -> console.expect("anything", Duration.ofSeconds(5)));
    assertSame(gone, e.getCause(), "and an expect throws it, without waiting for the timeout");
    String transcript = Files.readString(dir.resolve("run.log"));
    assertTrue(transcript.contains(" # reader stopped: java.io.IOException: the port is gone\n"), transcript);
  }

  @Test
  void closingTheLinkUnderTheConsoleIsAFailureButClosingTheConsoleIsNot() throws Exception {
    console.close();
    assertEquals(null, console.failure());
    assertThrows(ConsoleClosedException.class, () -> console.expect("x", Duration.ofSeconds(5)));
  }

  @Test
  void everyLineIsTimestampedInTheTranscript() throws Exception {
    link.deliver("HB boot device=n1 fw=1.0 boot=1\n");
    console.expect("HB boot", Duration.ofSeconds(5));
    console.close();
    List<String> lines = Files.readAllLines(dir.resolve("run.log"));
    assertTrue(lines.stream().anyMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z < HB boot"
        + " device=n1 fw=1.0 boot=1")), lines.toString());
  }
}
