package dev.hilbench.features.dut.serial;

import dev.hilbench.features.dut.DeliveryMode;
import dev.hilbench.features.dut.DeviceSettings;
import dev.hilbench.features.dut.DeviceUnderTest;
import dev.hilbench.features.dut.FlashFailedException;
import dev.hilbench.features.target.Target;
import dev.hilbench.features.truth.GroundTruth;
import dev.hilbench.hil.console.Console;
import dev.hilbench.hil.console.ConsoleLine;
import dev.hilbench.hil.console.ConsoleMatch;
import dev.hilbench.hil.flash.After;
import dev.hilbench.hil.flash.Before;
import dev.hilbench.hil.flash.EspSession;
import dev.hilbench.hil.flash.FlashPlan;
import dev.hilbench.hil.flash.Flasher;
import dev.hilbench.hil.flash.ImageCheck;
import dev.hilbench.hil.image.FlashParams;
import dev.hilbench.hil.image.ImageException;
import dev.hilbench.hil.rom.EspException;
import dev.hilbench.protocol.fault.FaultSpec;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A board driven through its serial console, virtual or real: configured with console commands,
 * its {@code HB} log read as its ledger, flashed through the ROM bootloader on the same port
 * while the console reader is paused. What differs between boards is the {@link Board}'s.
 */
public final class SerialDut implements DeviceUnderTest {

  /** A board boots, joins Wi-Fi and prints its boot line within this; a real one takes longest. */
  static final Duration BOOT_TIMEOUT = Duration.ofSeconds(15);
  private static final Pattern BOOT = Pattern.compile("\\bHB boot\\b.*\\bdevice=(\\S+)");
  private static final Pattern VERSION = Pattern.compile("\\bfw=(\\S+)");

  private final Board board;
  private final Path transcriptFile;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "board-timer");
    t.setDaemon(true);
    return t;
  });
  private Console console;
  private DeliveryMode mode = DeliveryMode.CLASSROOM;
  private long firstLine = Long.MAX_VALUE;
  private String device;
  private ScheduledFuture<?> wifiBack;
  private LinkFaultProxy linkFaults;

  public SerialDut(Board board, Path scenarioDir) {
    this.board = board;
    this.transcriptFile = scenarioDir.resolve("serial-transcript.txt");
  }

  @Override
  public Target target() {
    return board.target();
  }

  @Override
  public int capacity() {
    return 1;
  }

  private Console console(Board.Boot boot) throws IOException {
    board.open(boot);
    if (console == null) {
      console = Console.start(board.link(), transcriptFile, board.redactor(), Console.Listener.NONE);
    }
    return console;
  }

  @Override
  public void start(DeviceSettings settings) throws IOException {
    Console c = console(Board.Boot.AS_IS);
    mode = settings.mode();
    DeviceSettings forBoard = throughLinkFaults(settings);
    for (String command : FirmwareCommands.settings(forBoard, board.wifi())) {
      c.send(command);
    }
    restart(c);
    for (String command : FirmwareCommands.faults(forBoard)) {
      c.send(command);
    }
  }

  /**
   * The settings the board gets: its device faults, and the server's address, or that of a fault
   * proxy in front of it when the scenario has network faults.
   */
  private DeviceSettings throughLinkFaults(DeviceSettings settings) throws IOException {
    if (linkFaults != null) {
      linkFaults.close();
      linkFaults = null;
    }
    List<FaultSpec> network = settings.faults().stream().filter(LinkFaultProxy::isNetworkFault).toList();
    DeviceSettings forBoard = settings.withFaults(settings.faults().stream().filter(f -> !LinkFaultProxy.isNetworkFault(f))
        .toList());
    if (network.isEmpty()) {
      return forBoard;
    }
    linkFaults = LinkFaultProxy.start(settings.serverHost(), settings.serverPort(), network, settings.seed());
    return forBoard.withServer(settings.serverHost(), linkFaults.port());
  }

  /** Reboots and waits for the boot line; the ledger is read from that line on. */
  private void restart(Console c) throws IOException {
    c.skipReceived();
    c.write("reboot");
    ConsoleMatch boot = c.expect(BOOT, BOOT_TIMEOUT);
    device = boot.group(1);
    firstLine = Math.min(firstLine, boot.line().number());
  }

  private Console running() {
    if (console == null || device == null) {
      throw new IllegalStateException("the board was not started: no device to talk to");
    }
    return console;
  }

  @Override
  public List<String> devices() {
    running();
    return List.of(device);
  }

  @Override
  public void addFault(FaultSpec fault) throws IOException {
    if (LinkFaultProxy.isNetworkFault(fault)) {
      throw new IllegalArgumentException("the network fault " + fault.name() + " is set when the board starts (its"
          + " link goes through a fault proxy then), not while it runs");
    }
    running().send(FirmwareCommands.fault(fault));
  }

  @Override
  public void clearFaults() throws IOException {
    running().send("fault clear");
  }

  @Override
  public void loseWifi(Duration duration) throws IOException {
    Console c = running();
    board.wifiDown(c);
    wifiBack = timer.schedule(() -> {
      board.wifiUp(c);
      return null;
    }, duration.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void setSensor(double temperature, double humidity) throws IOException {
    board.setSensor(temperature, humidity);
  }

  @Override
  public void reboot() throws IOException {
    restart(running());
  }

  @Override
  public GroundTruth groundTruth() {
    List<String> lines = running().lines().stream()
        .filter(l -> l.number() >= firstLine)
        .map(ConsoleLine::text)
        .toList();
    return SerialLedger.read(lines, mode);
  }

  @Override
  public String transcript() {
    StringBuilder s = new StringBuilder(board.notes()).append('\n');
    try {
      if (Files.exists(transcriptFile)) {
        s.append(Files.readString(transcriptFile));
      }
    } catch (IOException e) {
      s.append("(transcript ").append(transcriptFile).append(" unreadable: ").append(e.getMessage()).append(")");
    }
    return s.toString();
  }

  @Override
  @SuppressWarnings("try") // the pause is held for the block's length, not referenced in it
  public void flash(Path image) throws IOException {
    byte[] bytes = Files.readAllBytes(image);
    try {
      ImageCheck.check(bytes, 0, image.getFileName().toString());
    } catch (ImageException e) {
      throw new FlashFailedException(e.getMessage(), e);
    }
    Console c = console(Board.Boot.FROM_FLASH);
    c.skipReceived();
    try (Console.Paused paused = c.pause("flashing " + image.getFileName())) {
      board.link().discardInput();
      EspSession session = EspSession.connect(board.link(), EspSession.Setup.esptool(board.lines(), Before.DEFAULT_RESET),
          new EspSession.Events() {});
      session.write(FlashPlan.prepare(bytes, 0, FlashParams.KEEP), Flasher.Progress.NONE);
      session.leave(After.HARD_RESET);
    } catch (EspException e) {
      throw new FlashFailedException(e.describe(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while flashing " + image);
    }
    ConsoleMatch boot = c.expect(BOOT, BOOT_TIMEOUT);
    device = boot.group(1);
    firstLine = boot.line().number();
  }

  @Override
  public String version() throws IOException {
    String reply = console(Board.Boot.AS_IS).send("version");
    Matcher m = VERSION.matcher(reply);
    if (!m.find()) {
      throw new IOException("the board's reply to 'version' names no fw=: " + reply);
    }
    return m.group(1);
  }

  @Override
  public void close() throws IOException {
    timer.shutdownNow();
    try {
      checkWifiRestored();
    } finally {
      try {
        if (console != null) {
          console.close();
        }
      } finally {
        try {
          board.close();
        } finally {
          if (linkFaults != null) {
            linkFaults.close();
          }
        }
      }
    }
  }

  /** A failure of the scheduled "Wi-Fi back" is the scenario's failure, never dropped. */
  private void checkWifiRestored() throws IOException {
    if (wifiBack == null || !wifiBack.isDone() || wifiBack.isCancelled()) {
      return;
    }
    try {
      wifiBack.get();
    } catch (ExecutionException e) {
      throw new IOException("bringing Wi-Fi back failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
