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
    assertEquals("added #1 slicer=1,average_size=2,size_variation=1,delay=1000,stream=upstream",
        say("fault slicer,average_size=2,size_variation=1"));
    assertEquals("added #2 latency=0.5,latency=100,jitter=0,stream=downstream", say("add latency=0.5,stream=downstream"));
    assertEquals("added #3 latency=1,latency=5,jitter=0,stream=upstream", say("fault latency,latency=5"));
    assertEquals("#1 slicer=1,average_size=2,size_variation=1,delay=1000,stream=upstream\n"
        + "#2 latency=0.5,latency=100,jitter=0,stream=downstream\n"
        + "#3 latency=1,latency=5,jitter=0,stream=upstream", say("fault"));
    assertEquals("removed #1 slicer=1,average_size=2,size_variation=1,delay=1000,stream=upstream", say("remove #1"));
    assertEquals("removed 2 latency toxics", say("fault clear latency"));
    assertEquals(0, proxy.toxics().size());
    say("fault timeout");
    assertEquals("removed every toxic", say("clear"));
    assertEquals(0, proxy.toxics().size());
  }

  @Test
  void aBadCommandIsAnErrorAndChangesNothing() {
    say("add timeout");
    assertEquals("error: unknown parameter 'size' in 'slicer,size=3' (slicer takes average_size, size_variation, delay, stream)",
        say("fault slicer,size=3"));
    assertEquals("error: a space at column 7 in 'slicer average_size=2' (a spec is NAME[=PROBABILITY][,KEY=VALUE...] in "
        + "printable ASCII without spaces)", say("fault slicer average_size=2"));
    assertTrue(say("fault drop=0.1").startsWith("error: drop is a device fault: the node applies it"));
    assertEquals("error: fault 'down=0.5': down is the proxy's state, all or nothing; write down", say("fault down=0.5"));
    assertEquals("error: add needs a fault, e.g. add slicer,average_size=2", say("add"));
    assertEquals("error: no toxic #9 (list shows the toxics in effect)", say("remove 9"));
    assertEquals("error: unknown command 'frobnicate' (help lists them)", say("frobnicate now"));
    assertEquals(1, proxy.toxics().size(), "only the good add took effect");
    assertFalse(proxy.isDown());
    assertEquals("", say("   "));
    String help = say("help");
    assertTrue(help.contains("fault SPEC"), help);
    assertTrue(help.contains("  slicer        average_size=4 bytes, size_variation=2 bytes, delay=1000 us,\n"), help);
    assertTrue(help.contains("  down          the proxy refuses connections"), help);
    help.lines().forEach(l -> assertTrue(l.length() <= 80, "too wide: " + l));
  }

  @Test
  void downIsAFaultToo() throws IOException {
    assertEquals("down: not listening, links closed", say("fault down"));
    assertTrue(proxy.isDown());
    assertEquals("down; no toxics", say("fault"));
    assertEquals("up: listening on 127.0.0.1:" + proxy.port(), say("fault clear down"));
    assertFalse(proxy.isDown());
    say("fault down");
    say("fault latency");
    assertEquals("removed every toxic; up: listening on 127.0.0.1:" + proxy.port(), say("fault clear"));
    assertFalse(proxy.isDown());
    assertTrue(proxy.toxics().isEmpty());
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
