package dev.hilbench.features.dut.virtual;

import dev.hilbench.features.dut.serial.Board;
import dev.hilbench.features.dut.serial.WifiSettings;
import dev.hilbench.features.target.Target;
import dev.hilbench.hil.console.Console;
import dev.hilbench.hil.console.Redactor;
import dev.hilbench.hil.link.JSerialCommLink;
import dev.hilbench.hil.link.ModemLines;
import dev.hilbench.hil.link.SerialLink;
import dev.hilbench.hil.virtual.SideChannelLines;
import dev.hilbench.hil.virtual.VirtualNodeMcu;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The virtual NodeMCU: the firmware's host build as a process of its own, its console on a
 * pseudo-terminal opened like any serial port, its reset lines, Wi-Fi and sensor driven through
 * its side channel. EEPROM and flash are files in the scenario's directory, so nothing carries
 * over from one scenario to the next.
 */
public final class VirtualBoard implements Board {

  static final int BAUD = 115_200;

  private final Path binary;
  private final Path dir;
  private VirtualNodeMcu node;
  private SerialLink link;
  private ModemLines lines;

  public VirtualBoard(Path binary, Path scenarioDir) {
    this.binary = binary;
    this.dir = scenarioDir;
  }

  @Override
  public Target target() {
    return Target.VIRTUAL;
  }

  @Override
  public void open(Boot boot) throws IOException {
    if (node != null) {
      return;
    }
    VirtualNodeMcu.Options options = VirtualNodeMcu.Options.defaults().withEeprom(dir.resolve("eeprom.bin"));
    if (boot == Boot.FROM_FLASH) {
      // An erased flash, as a new chip: it halts at boot until something is flashed.
      options = options.withFlash(dir.resolve("flash.bin"));
    }
    node = VirtualNodeMcu.start(binary, options, dir.resolve("virtual-nodemcu.log"));
    link = JSerialCommLink.open(node.serialPath(), BAUD);
    lines = new SideChannelLines(node.sideChannel());
  }

  private VirtualNodeMcu node() {
    if (node == null) {
      throw new IllegalStateException("the virtual NodeMCU is not running");
    }
    return node;
  }

  @Override
  public SerialLink link() {
    node();
    return link;
  }

  @Override
  public ModemLines lines() {
    node();
    return lines;
  }

  /** Its simulated Wi-Fi takes any network; the firmware only needs to be told to join one. */
  @Override
  public WifiSettings wifi() {
    return WifiSettings.KEEP;
  }

  @Override
  public Redactor redactor() {
    return Redactor.standard();
  }

  @Override
  public void wifiDown(Console console) throws IOException {
    node().sideChannel().wifiDown();
  }

  @Override
  public void wifiUp(Console console) throws IOException {
    node().sideChannel().wifiUp();
  }

  @Override
  public void setSensor(double temperature, double humidity) throws IOException {
    node().sideChannel().sensor(temperature, humidity);
  }

  @Override
  public String notes() {
    if (node == null) {
      return "virtual NodeMCU (" + binary + "): never started";
    }
    return "virtual NodeMCU pid " + node.pid() + (node.isAlive() ? "" : " (exited)") + ", serial " + node.serialPath()
        + ", control " + node.controlAddress() + ", log " + node.log() + "; the log ends with:\n" + node.logTail();
  }

  @Override
  public void close() throws IOException {
    try {
      if (link != null) {
        link.close();
      }
    } finally {
      if (node != null) {
        node.close();
      }
      node = null;
      link = null;
    }
  }
}
