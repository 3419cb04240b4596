package dev.hilbench.hil.virtual;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A running virtual NodeMCU: the firmware's host build as a child process. It announces on
 * stdout, one per line, {@code serial /dev/pts/N}, {@code control 127.0.0.1:PORT} and
 * {@code mode download|app}; its human log (stderr) goes to a file. The serial port is then opened
 * like any other ({@link dev.hilbench.hil.link.JSerialCommLink}); the side channel stands in for
 * the wires a pseudo-terminal lacks.
 */
public final class VirtualNodeMcu implements Closeable {

  public static final Duration START_TIMEOUT = Duration.ofSeconds(10);

  /** Command-line options of {@code virtual-nodemcu}. */
  public record Options(Path flash, Path eeprom, boolean download, Integer paceBaud, String chipId, String sensor) {

    public static Options defaults() {
      return new Options(null, null, false, null, null, null);
    }

    public Options withFlash(Path file) {
      return new Options(file, eeprom, download, paceBaud, chipId, sensor);
    }

    public Options withEeprom(Path file) {
      return new Options(flash, file, download, paceBaud, chipId, sensor);
    }

    public Options inDownloadMode() {
      return new Options(flash, eeprom, true, paceBaud, chipId, sensor);
    }

    public Options withPaceBaud(int baud) {
      return new Options(flash, eeprom, download, baud, chipId, sensor);
    }

    public Options withChipId(String hex) {
      return new Options(flash, eeprom, download, paceBaud, hex, sensor);
    }

    public Options withSensor(String temperatureHumidity) {
      return new Options(flash, eeprom, download, paceBaud, chipId, temperatureHumidity);
    }

    List<String> arguments() {
      List<String> args = new ArrayList<>();
      if (flash != null) {
        args.addAll(List.of("--flash", flash.toString()));
      }
      if (eeprom != null) {
        args.addAll(List.of("--eeprom", eeprom.toString()));
      }
      if (download) {
        args.add("--download");
      }
      if (paceBaud != null) {
        args.addAll(List.of("--pace-baud", paceBaud.toString()));
      }
      if (chipId != null) {
        args.addAll(List.of("--chip-id", chipId));
      }
      if (sensor != null) {
        args.addAll(List.of("--sensor", sensor));
      }
      return args;
    }
  }

  private final Process process;
  private final Path log;
  private final List<String> announcements = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Void> ready = new CompletableFuture<>();
  private volatile String serial;
  private volatile InetSocketAddress control;
  private volatile String mode;
  private volatile boolean closing;
  private volatile IOException readerFailure;
  private SideChannel channel;

  private VirtualNodeMcu(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * Starts the binary and waits until it has announced its port, side channel and mode.
   *
   * @param log where its stderr goes (created, with parent directories)
   */
  public static VirtualNodeMcu start(Path binary, Options options, Path log) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(options.arguments());
    Files.createDirectories(log.toAbsolutePath().getParent());
    Process process = new ProcessBuilder(command)
        .redirectError(ProcessBuilder.Redirect.to(log.toFile()))
        .redirectInput(ProcessBuilder.Redirect.PIPE)
        .start();
    VirtualNodeMcu node = new VirtualNodeMcu(process, log);
    Thread reader = new Thread(node::readAnnouncements, "virtual-nodemcu-stdout-" + process.pid());
    reader.setDaemon(true);
    reader.start();
    node.awaitReady(String.join(" ", command));
    return node;
  }

  private void awaitReady(String commandLine) throws IOException {
    try {
      ready.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      close();
      throw new IOException("the virtual NodeMCU (" + commandLine + ") did not announce its serial port, side"
          + " channel and mode within " + START_TIMEOUT.toSeconds() + " s; stdout so far: " + announcements
          + "; its log " + log + " ends with:\n" + logTail());
    } catch (ExecutionException e) {
      close();
      throw new IOException(e.getCause().getMessage() + " (" + commandLine + "); its log " + log + " ends with:\n"
          + logTail(), e.getCause());
    } catch (InterruptedException e) {
      close();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting the virtual NodeMCU", e);
    }
  }

  /** The stdout thread: parses the announcements, keeps following mode changes. */
  private void readAnnouncements() {
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        announcements.add(line);
        if (line.startsWith("serial ")) {
          serial = line.substring(7).strip();
        } else if (line.startsWith("control ")) {
          control = SideChannel.parseAddress(line.substring(8).strip());
        } else if (line.startsWith("mode ")) {
          mode = line.substring(5).strip();
        }
        if (serial != null && control != null && mode != null) {
          ready.complete(null);
        }
      }
      ready.completeExceptionally(new IOException("the virtual NodeMCU exited"
          + exitStatus() + " before announcing itself; stdout was " + announcements));
    } catch (IOException | IllegalArgumentException e) {
      if (!closing) {
        readerFailure = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        ready.completeExceptionally(readerFailure);
      }
    }
  }

  private String exitStatus() {
    try {
      if (process.waitFor(1, TimeUnit.SECONDS)) {
        return " with status " + process.exitValue();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return "";
  }

  /** The pseudo-terminal to open, e.g. {@code /dev/pts/3}. */
  public String serialPath() {
    return serial;
  }

  public InetSocketAddress controlAddress() {
    return control;
  }

  /** The last mode announced on stdout: {@code download} or {@code app}. */
  public String announcedMode() {
    return mode;
  }

  public List<String> announcements() {
    return List.copyOf(announcements);
  }

  public Path log() {
    return log;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Waits for it to end on its own (a {@code quit}, a crash) and returns its exit status. */
  public int waitFor() throws InterruptedException {
    return process.waitFor();
  }

  /** A failure of the stdout reader, if one happened (it is never dropped). */
  public IOException readerFailure() {
    return readerFailure;
  }

  /** The side channel, connected on first use and kept. */
  public synchronized SideChannel sideChannel() throws IOException {
    if (channel == null) {
      channel = SideChannel.connect(control, Duration.ofSeconds(5));
    }
    return channel;
  }

  /** The last lines of its log, for failure messages. */
  public String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }

  /** Asks it to quit, then ends it if it does not. */
  @Override
  public void close() throws IOException {
    closing = true;
    try {
      synchronized (this) {
        if (process.isAlive() && control != null) {
          try {
            SideChannel quitter = channel != null ? channel : SideChannel.connect(control, Duration.ofSeconds(1));
            quitter.quit();
            quitter.close();
          } catch (IOException e) {
            // already going away, or not answering: destroy() below makes sure
          }
        }
        if (channel != null) {
          channel.close();
        }
      }
      if (!process.waitFor(2, TimeUnit.SECONDS)) {
        process.destroy();
        if (!process.waitFor(2, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
        }
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
