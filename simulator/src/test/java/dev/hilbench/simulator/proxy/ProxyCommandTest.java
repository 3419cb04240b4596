package dev.hilbench.simulator.proxy;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.protocol.fault.FaultDefinition;
import dev.hilbench.protocol.fault.FaultKind;
import dev.hilbench.protocol.fault.FaultParam;
import dev.hilbench.protocol.fault.FaultVocabulary;
import dev.hilbench.simulator.net.HostPort;
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
  void helpListsEveryNetworkFaultWithItsParametersAndDefaults() {
    assertEquals(0, commandLine(new ProxyCommand()).execute("--help"));
    String help = out.toString();
    for (FaultDefinition f : FaultVocabulary.all()) {
      if (f.kind() != FaultKind.NETWORK) {
        assertFalse(help.contains("  " + f.name() + " "), "help shows the device fault " + f.name() + ":\n" + help);
        continue;
      }
      assertTrue(help.contains("  " + f.name() + " "), "help lacks " + f.name() + ":\n" + help);
      for (FaultParam p : f.params()) {
        assertTrue(help.contains(p.name() + "=" + (p.required() ? "?" : p.defaultValue())),
            "help lacks " + f.name() + "'s " + p.name() + ":\n" + help);
      }
    }
    help.lines().forEach(line -> assertTrue(line.length() <= 80, "a help line wraps: " + line));
    assertTrue(help.contains("--listen") && help.contains("--upstream") && help.contains("--seed") && help.contains("--fault"), help);
  }

  @Test
  void aBadFaultIsBadUsageNamingIt() {
    assertEquals(2, commandLine(new ProxyCommand()).execute("--fault", "slicer,avg=2"));
    assertTrue(err.toString().contains("--fault: unknown parameter 'avg' in 'slicer,avg=2'"), err.toString());
  }

  @Test
  void aDeviceFaultIsBadUsageBeforeAnythingStarts() {
    assertEquals(2, commandLine(new ProxyCommand()).execute("--listen", "127.0.0.1:0", "--toxic", "coalesce,count=3"));
    assertTrue(err.toString().contains("--fault: coalesce is a device fault"), err.toString());
    assertFalse(out.toString().contains("listening"), out.toString());
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
          "--fault", "limit_data,bytes=3", "--seed", "5", "--report-every", "0"));
      Thread.ofPlatform().name("proxy-command").start(exit);

      Pattern listening = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");
      awaitOutput("the proxy to say where it listens", listening, exit);
      Matcher m = listening.matcher(out.toString());
      m.find();
      try (Peer client = Peer.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(m.group(1))));
          Peer server = upstream.accept()) {
        client.send("abcdef");
        assertArrayEquals("abc".getBytes(StandardCharsets.US_ASCII), server.readToEnd(), "limit_data,bytes=3 lets 3 bytes through");
      }
      awaitOutput("the link to close", Pattern.compile("link 1 closed"), exit);

      typing.write("fault\nfault latency,latency=5\nstats\nquit\n".getBytes(StandardCharsets.UTF_8));
      typing.flush();

      assertEquals(0, exit.get(10, TimeUnit.SECONDS), "exit status; output:\n" + out + err);
      String printed = out.toString();
      assertTrue(printed.contains("seed 5"), printed);
      assertTrue(printed.contains("added #1 limit_data=1,bytes=3,stream=upstream"), printed);
      assertTrue(printed.contains("link 1 opened: 127.0.0.1:"), printed);
      assertTrue(printed.contains("link 1 closed: closed by limit_data#1"), printed);
      assertTrue(printed.contains("added #2 latency=1,latency=5,jitter=0,stream=upstream"), printed);
      assertTrue(printed.contains("counters: links 0 open, 1 accepted, 0 upstream unreachable; upstream 6 B in, 3 B out"), printed);
    }
  }
}
