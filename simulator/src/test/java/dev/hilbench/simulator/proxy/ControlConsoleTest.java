package dev.hilbench.simulator.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stdin control of {@code ./hilbench proxy}, against a real proxy. */
class ControlConsoleTest {

  private TestUpstream upstream;
  private Proxy proxy;
  private ControlConsole console;

  @BeforeEach
  void start() throws IOException {
    upstream = new TestUpstream();
    proxy = Proxy.start(LowPorts.freeLoopbackAddress(), upstream.address(), 1); // goes down and up
    console = new ControlConsole(proxy);
  }

  @AfterEach
  void stop() throws IOException {
    proxy.close();
    upstream.close();
  }

  private String say(String line) {
    ControlConsole.Reply r = console.handle(line);
    assertFalse(r.quit(), line + " must not quit");
    return r.text();
  }

  @Test
  void addListRemoveAndClear() {
    assertEquals("no toxics", say("list"));
    assertEquals("added #1 slicer upstream toxicity=1 average_size=2,size_variation=1,delay=1000",
        say("add slicer:average_size=2,size_variation=1"));
    assertEquals("added #2 latency downstream toxicity=0.5 latency=100,jitter=0",
        say("add latency:stream=downstream,toxicity=0.5"));
    assertEquals("#1 slicer upstream toxicity=1 average_size=2,size_variation=1,delay=1000\n"
        + "#2 latency downstream toxicity=0.5 latency=100,jitter=0", say("ls"));
    assertEquals("removed #1 slicer upstream toxicity=1 average_size=2,size_variation=1,delay=1000", say("remove #1"));
    assertEquals(1, proxy.toxics().size());
    assertEquals("removed every toxic", say("clear"));
    assertEquals(0, proxy.toxics().size());
  }

  @Test
  void aBadCommandIsAnErrorAndChangesNothing() {
    say("add timeout");
    assertEquals("error: toxic 'slicer:size=3': toxic slicer: unknown parameter 'size' (known: average_size, size_variation, delay)",
        say("add slicer:size=3"));
    assertEquals("error: add needs a toxic, e.g. add slicer:average_size=2", say("add"));
    assertEquals("error: no toxic #9 (list shows the toxics in effect)", say("remove 9"));
    assertEquals("error: unknown command 'frobnicate' (help lists them)", say("frobnicate now"));
    assertEquals(1, proxy.toxics().size(), "only the good add took effect");
    assertEquals("", say("   "));
    String help = say("help");
    assertTrue(help.contains("add TOXIC"), help);
    assertTrue(help.contains("  slicer      average_size=4,size_variation=2,delay=1000 (bytes, bytes, us)\n"), help);
  }

  @Test
  void downAndUp() throws IOException {
    assertEquals("down: not listening, links closed", say("down"));
    assertTrue(proxy.isDown());
    assertThrows(ConnectException.class, () -> Peer.connect(proxy.address()));
    assertEquals("up: listening on 127.0.0.1:" + proxy.port(), say("up"));
    try (Peer client = Peer.connect(proxy.address()); Peer server = upstream.accept()) {
      client.send("ok");
      assertEquals("ok", server.readText(2));
    }
  }

  @Test
  void statsAndQuit() {
    assertEquals("counters: links 0 open, 0 accepted, 0 upstream unreachable; upstream 0 B in, 0 B out; "
        + "downstream 0 B in, 0 B out", say("stats"));
    assertTrue(console.handle("quit").quit());
  }
}
