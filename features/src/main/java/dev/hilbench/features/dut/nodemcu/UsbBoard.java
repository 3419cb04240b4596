package dev.hilbench.features.dut.nodemcu;

import dev.hilbench.features.dut.serial.Board;
import dev.hilbench.features.dut.serial.WifiSettings;
import dev.hilbench.features.target.Target;
import dev.hilbench.hil.console.Console;
import dev.hilbench.hil.console.Redactor;
import dev.hilbench.hil.link.JSerialCommLink;
import dev.hilbench.hil.link.ModemLines;
import dev.hilbench.hil.link.SerialLink;
import dev.hilbench.hil.ports.AllPorts;
import dev.hilbench.hil.ports.PortInfo;
import dev.hilbench.hil.ports.PortSelectionException;
import dev.hilbench.hil.ports.PortSelector;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A real NodeMCU on a USB serial port: its own DTR/RTS drive the auto-reset circuit, it joins the
 * bench's Wi-Fi, and its DHT11 measures the room. Losing Wi-Fi is the firmware's {@code silence}
 * fault (from its next reading cycle the board stops sending and answering, no FIN), the nearest a
 * test can get without switching off the access point.
 */
public final class UsbBoard implements Board {

  static final int BAUD = 115_200;
  static final String WIFI_LOSS = "fault silence,duration=86400s";
  private static final Pattern SILENCE_BEGINS = Pattern.compile("^HB silence seq=");
  /** One reading interval at most; the scenarios read every 100-500 ms, the firmware's default is 5 s. */
  private static final Duration SILENCE_START = Duration.ofSeconds(6);

  private final String portSpec;
  private final WifiCredentials credentials;
  private SerialLink link;

  /** {@code portSpec}: a path, a USB serial number, or empty for the only NodeMCU present. */
  public UsbBoard(String portSpec, WifiCredentials credentials) {
    this.portSpec = portSpec;
    this.credentials = credentials;
  }

  @Override
  public Target target() {
    return Target.NODEMCU;
  }

  @Override
  public void open(Boot boot) throws IOException {
    if (link != null) {
      return;
    }
    PortInfo port;
    try {
      port = PortSelector.select(portSpec, AllPorts.system().list());
    } catch (PortSelectionException e) {
      throw new IOException(e.getMessage(), e);
    }
    link = JSerialCommLink.open(port.path(), BAUD);
  }

  private SerialLink open() {
    if (link == null) {
      throw new IllegalStateException("the board's port " + portSpec + " is not open");
    }
    return link;
  }

  @Override
  public SerialLink link() {
    return open();
  }

  @Override
  public ModemLines lines() {
    return open();
  }

  @Override
  public WifiSettings wifi() {
    return new WifiSettings(Optional.of(credentials.ssid()),
        credentials.password().isEmpty() ? Optional.empty() : Optional.of(credentials.password()));
  }

  @Override
  public Redactor redactor() {
    return Redactor.standard().withSecret(credentials.password());
  }

  @Override
  public void wifiDown(Console console) throws IOException {
    // A silence begins at the board's next reading cycle and lasts its duration: a day, until
    // wifiUp clears it. Waiting for its log line makes the loss start when this returns.
    console.skipReceived();
    console.send(WIFI_LOSS);
    console.expect(SILENCE_BEGINS, SILENCE_START);
  }

  @Override
  public void wifiUp(Console console) throws IOException {
    console.send("fault clear silence");
  }

  @Override
  public void setSensor(double temperature, double humidity) {
    throw new UnsupportedOperationException("a real DHT11 measures the room: its readings cannot be set");
  }

  @Override
  public String notes() {
    return "NodeMCU on " + portSpec + " (" + (link == null ? "not open" : link.name()) + "), " + credentials;
  }

  @Override
  public void close() throws IOException {
    if (link != null) {
      link.close();
      link = null;
    }
  }
}
