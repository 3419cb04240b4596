package dev.hilbench.hil.cli;

import dev.hilbench.hil.console.Console;
import dev.hilbench.hil.console.ConsoleLine;
import dev.hilbench.hil.console.Redactor;
import dev.hilbench.hil.link.LinesUnavailableException;
import dev.hilbench.hil.ports.AllPorts;
import dev.hilbench.hil.ports.PortInfo;
import dev.hilbench.hil.ports.PortKind;
import dev.hilbench.hil.ports.PortReacquirer;
import dev.hilbench.hil.ports.PortSelectionException;
import dev.hilbench.hil.reset.HardReset;
import dev.hilbench.hil.reset.Pauser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./hilbench monitor}: the device's console, live, with commands typed at it. */
@Command(name = "monitor", mixinStandardHelpOptions = true,
    description = {
        "Show the board's serial console live and send it the commands you type.",
        "Each line is timestamped; typed lines go to the board as console commands (help, status,"
            + " wifi ssid ..., fault drop=0.1, ...). Ctrl-D or Ctrl-C ends it.",
        "Every run keeps a transcript; Wi-Fi passwords are masked in it (and the value of"
            + " $HILBENCH_WIFI_PASS wherever it appears)."})
public final class MonitorCommand implements Callable<Integer> {

  private static final Duration REACQUIRE_TIMEOUT = Duration.ofSeconds(10);

  @Spec CommandSpec spec;

  @Mixin PortOptions portOptions;

  @Option(names = "--transcript", paramLabel = "FILE",
      description = "Transcript of this run. Default: a new file under ${java.io.tmpdir}/hilbench/transcripts.")
  Path transcript;

  @Option(names = "--reset", description = "Reset the board into its application first (RTS, or --control).")
  boolean reset;

  private record Input(String line, IOException failure) {
    static final Input END = new Input(null, null);
  }

  private final java.io.InputStream keyboard;

  public MonitorCommand() {
    this(System.in);
  }

  /** With the typed commands coming from {@code keyboard} (a test's script). */
  public MonitorCommand(java.io.InputStream keyboard) {
    this.keyboard = keyboard;
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Redactor redactor = Redactor.standard().withSecret(System.getenv("HILBENCH_WIFI_PASS"));
    BlockingQueue<Input> typed = startTyping(keyboard);
    Path file = transcript != null ? transcript : defaultTranscript();
    Console.Listener show = new Console.Listener() {
      @Override
      public void line(ConsoleLine line) {
        out.println(line.display());
        out.flush();
      }
    };
    OpenedPort port = null;
    Console console = null;
    try {
      port = OpenedPort.open(portOptions);
      out.println("--- monitor on " + port.info.path() + " at " + portOptions.baud + " baud; transcript " + file
          + "; Ctrl-D ends ---");
      out.flush();
      console = Console.start(port.link, file, redactor, show);
      if (reset) {
        resetIntoApp(port, err);
      }
      while (true) {
        Input in = typed.poll(100, TimeUnit.MILLISECONDS);
        if (in == Input.END) {
          return 0;
        }
        if (in != null && in.failure() != null) {
          return Failures.report(err, "reading the keyboard: " + in.failure().getMessage());
        }
        if (in != null) {
          console.write(in.line());
        }
        if (console.failure() != null) {
          Optional<PortInfo> back = reacquire(port.info, console.failure(), out, err);
          if (back.isEmpty()) {
            return Failures.report(err, "the console stopped: " + console.failure().getMessage()
                + "; transcript: " + file);
          }
          closeQuietly(console, port, err);
          console = null;
          port = null;
          portOptions.port = back.get().path();
          port = OpenedPort.open(portOptions);
          console = Console.start(port.link, siblingOf(file), redactor, show);
          out.println("--- back on " + port.info.path() + "; transcript " + console.transcript() + " ---");
          out.flush();
        }
      }
    } catch (PortSelectionException e) {
      return Failures.report(err, e.getMessage());
    } catch (IOException e) {
      return Failures.report(err, e.getMessage());
    } finally {
      closeQuietly(console, port, err);
    }
  }

  private void resetIntoApp(OpenedPort port, PrintWriter err) throws IOException, InterruptedException {
    try {
      new HardReset().reset(port.lines, Pauser.REAL);
    } catch (LinesUnavailableException e) {
      err.println("Warning: " + e.getMessage() + ": not reset (pass --control HOST:PORT for the virtual NodeMCU)");
      err.flush();
    }
  }

  /** A USB board that dropped off (a reset that re-enumerates it) is waited for and found again. */
  private Optional<PortInfo> reacquire(PortInfo before, Throwable failure, PrintWriter out, PrintWriter err)
      throws InterruptedException {
    if (before.kind() != PortKind.USB_SERIAL) {
      return Optional.empty();
    }
    out.println("--- " + before.path() + " went away (" + failure.getMessage() + "); waiting up to "
        + REACQUIRE_TIMEOUT.toSeconds() + " s for the board to come back ---");
    out.flush();
    try {
      return Optional.of(new PortReacquirer(AllPorts.system(), Pauser.REAL).awaitReturn(before, REACQUIRE_TIMEOUT));
    } catch (PortSelectionException e) {
      err.println(e.getMessage());
      err.flush();
      return Optional.empty();
    }
  }

  /** Keyboard lines, read on their own thread so the console keeps showing output meanwhile. */
  private static BlockingQueue<Input> startTyping(java.io.InputStream stdin) {
    BlockingQueue<Input> queue = new LinkedBlockingQueue<>();
    Thread t = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          queue.add(new Input(line, null));
        }
        queue.add(Input.END);
      } catch (IOException e) {
        queue.add(new Input(null, e));
      }
    }, "monitor-keyboard");
    t.setDaemon(true);
    t.start();
    return queue;
  }

  private static Path defaultTranscript() {
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    return Path.of(System.getProperty("java.io.tmpdir"), "hilbench", "transcripts", "monitor-" + stamp + ".log");
  }

  private static Path siblingOf(Path file) {
    String name = file.getFileName().toString();
    return file.resolveSibling(name.replaceFirst("(\\.log)?$", "-" + System.currentTimeMillis() + ".log"));
  }

  private static void closeQuietly(Console console, OpenedPort port, PrintWriter err) {
    try {
      if (console != null) {
        console.close();
      }
    } catch (IOException e) {
      err.println("hilbench monitor: closing the transcript: " + e.getMessage());
    }
    try {
      if (port != null) {
        port.close();
      }
    } catch (IOException e) {
      err.println("hilbench monitor: closing the port: " + e.getMessage());
    }
    err.flush();
  }
}
