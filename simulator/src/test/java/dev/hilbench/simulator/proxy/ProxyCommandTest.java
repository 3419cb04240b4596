package dev.hilbench.simulator.proxy;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code ./hilbench proxy}, run in process as the launcher runs it. */
class ProxyCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private CommandLine commandLine(ProxyCommand command) {
    return new CommandLine(command).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
  }

  /** Waits for the running command to print something; a failure shows all it printed and how it ended. */
  private void awaitOutput(String what, Pattern printed, FutureTask<Integer> run) {
    try {
      await(what).atMost(Duration.ofSeconds(10)).until(() -> printed.matcher(out.toString()).find());
    } catch (ConditionTimeoutException e) {
      String ended = "still running";
      if (run.isDone()) {
        try {
          ended = "exited with " + run.get();
        } catch (ExecutionException | InterruptedException failure) {
          ended = "failed: " + failure.getCause();
        }
      }
      throw new AssertionError(what + ": not printed within 10 s; the command " + ended + "; stdout:\n" + out
          + "\nstderr:\n" + err, e);
    }
  }

  @Test
  void helpListsEveryToxicWithItsParametersAndDefaults() {
    assertEquals(0, commandLine(new ProxyCommand()).execute("--help"));
    String help = out.toString();
    for (ToxicType t : ToxicType.values()) {
      assertTrue(help.contains("  " + t.toxicName() + " "), "help lacks " + t.toxicName() + ":\n" + help);
      for (ToxicType.Param p : t.params()) {
        String shown = p.defaultValue() == null ? p.name() : p.name() + "=" + p.defaultValue();
        assertTrue(help.contains(shown), "help lacks " + t.toxicName() + "'s " + shown + ":\n" + help);
      }
    }
    help.lines().forEach(line -> assertTrue(line.length() < 80, "a help line wraps: " + line));
    assertTrue(help.contains("--listen") && help.contains("--upstream") && help.contains("--seed"), help);
  }

  @Test
  void aBadToxicIsBadUsageNamingIt() {
    assertEquals(2, commandLine(new ProxyCommand()).execute("--toxic", "slicer:avg=2"));
    assertTrue(err.toString().contains("--toxic: toxic 'slicer:avg=2': toxic slicer: unknown parameter 'avg'"), err.toString());
  }

  @Test
  void aBadAddressIsBadUsageNamingIt() {
    assertEquals(2, commandLine(new ProxyCommand()).execute("--upstream", "localhost"));
    assertTrue(err.toString().contains("--upstream: 'localhost' is not HOST:PORT"), err.toString());
  }

  @Test
  void aPortInUseIsAFailedRun() throws IOException {
    try (TestUpstream taken = new TestUpstream()) {
      String at = HostPort.format(taken.address());
      assertEquals(1, commandLine(new ProxyCommand()).execute("--listen", at, "--upstream", at));
      assertTrue(err.toString().contains("proxy: cannot listen on"), err.toString());
    }
  }

  @Test
  void runsWithAToxicTakesCommandsOnStdinAndPrintsCounters() throws Exception {
    try (TestUpstream upstream = new TestUpstream();
        PipedOutputStream typing = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(typing)) {
      ProxyCommand command = new ProxyCommand();
      command.stdin = stdin;
      FutureTask<Integer> exit = new FutureTask<>(() -> commandLine(command).execute(
          "--listen", "127.0.0.1:0", "--upstream", HostPort.format(upstream.address()),
          "--toxic", "limit_data:bytes=3", "--seed", "5", "--report-every", "0"));
      Thread.ofPlatform().name("proxy-command").start(exit);

      Pattern listening = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");
      awaitOutput("the proxy to say where it listens", listening, exit);
      Matcher m = listening.matcher(out.toString());
      m.find();
      try (Peer client = Peer.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(m.group(1))));
          Peer server = upstream.accept()) {
        client.send("abcdef");
        assertArrayEquals("abc".getBytes(StandardCharsets.US_ASCII), server.readToEnd(), "limit_data:bytes=3 lets 3 bytes through");
      }
      awaitOutput("the link to close", Pattern.compile("link 1 closed"), exit);

      typing.write("list\nadd latency:latency=5\nstats\nquit\n".getBytes(StandardCharsets.UTF_8));
      typing.flush();

      assertEquals(0, exit.get(10, TimeUnit.SECONDS), "exit status; output:\n" + out + err);
      String printed = out.toString();
      assertTrue(printed.contains("seed 5"), printed);
      assertTrue(printed.contains("toxic #1 limit_data upstream toxicity=1 bytes=3"), printed);
      assertTrue(printed.contains("link 1 opened: 127.0.0.1:"), printed);
      assertTrue(printed.contains("link 1 closed: closed by limit_data#1"), printed);
      assertTrue(printed.contains("added #2 latency upstream toxicity=1 latency=5,jitter=0"), printed);
      assertTrue(printed.contains("counters: links 0 open, 1 accepted, 0 upstream unreachable; upstream 6 B in, 3 B out"), printed);
    }
  }
}
