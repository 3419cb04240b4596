package dev.hilbench.hil.ports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Selection by path, serial number or the only NodeMCU, over injected port descriptions. */
class PortSelectorTest {

  static final PortInfo CP2102 = PortInfo.of("/dev/ttyUSB0", 0x10C4, 0xEA60, "0001", "CP2102 USB to UART Bridge Controller");
  static final PortInfo CH340 = PortInfo.of("/dev/ttyUSB1", 0x1A86, 0x7523, null, "USB Serial");
  static final PortInfo FTDI = PortInfo.of("/dev/ttyUSB2", 0x0403, 0x6015, "DN04ABCD", "FT231X USB UART");
  static final PortInfo ARDUINO = PortInfo.of("/dev/ttyACM0", 0x2341, 0x0043, "75830333238351F0A1C1", "Arduino Uno");
  static final PortInfo BUILTIN = PortInfo.of("/dev/ttyS0", -1, -1, "Unknown", "Physical Port S0");

  @Test
  void recognisesTheNodeMcuBridgesAndLabelsTheRest() {
    assertEquals(UsbBridge.CP2102, CP2102.bridge().orElseThrow());
    assertEquals(UsbBridge.CH340, CH340.bridge().orElseThrow());
    assertEquals(UsbBridge.FT231X, FTDI.bridge().orElseThrow());
    assertEquals(UsbBridge.FT232R, UsbBridge.of(0x0403, 0x6001).orElseThrow());
    assertTrue(ARDUINO.bridge().isEmpty());
    assertEquals(PortKind.USB_SERIAL, ARDUINO.kind());
    assertEquals(PortKind.BUILTIN_UART, BUILTIN.kind());
    assertEquals(null, BUILTIN.serialNumber(), "jSerialComm's 'Unknown' is no serial number");
    assertEquals(PortKind.PSEUDO_TERMINAL, PortInfo.unlisted("/dev/pts/7").kind());
    assertEquals(PortKind.PSEUDO_TERMINAL, PortInfo.unlisted("/dev/ttys004").kind(), "macOS ptys");
    assertEquals("/dev/ttyUSB0  10C4:EA60  serial 0001  USB serial, CP2102 (CP2102 USB to UART Bridge Controller)",
        CP2102.summary());
  }

  @Test
  void withNothingGivenTakesTheOnlyNodeMcu() throws PortSelectionException {
    assertEquals(CH340, PortSelector.select(null, List.of(BUILTIN, CH340, ARDUINO)));
    assertEquals(CH340, PortSelector.select("  ", List.of(CH340)));
  }

  @Test
  void withNoNodeMcuSaysWhatItLookedForAndWhatIsThere() {
    PortSelectionException e = assertThrows(PortSelectionException.class,
        () -> PortSelector.select(null, List.of(BUILTIN, ARDUINO)));
    assertTrue(e.getMessage().startsWith("no NodeMCU found (looked for the USB bridges CP2102 10C4:EA60, CH340"
        + " 1A86:7523, FT232R 0403:6001, FT231X 0403:6015)"), e.getMessage());
    assertTrue(e.getMessage().contains("\n  /dev/ttyACM0  2341:0043"), e.getMessage());
    e = assertThrows(PortSelectionException.class, () -> PortSelector.select(null, List.of()));
    assertTrue(e.getMessage().endsWith("No serial ports are present."), e.getMessage());
  }

  @Test
  void withSeveralNodeMcusAsksWhichOne() {
    PortSelectionException e = assertThrows(PortSelectionException.class,
        () -> PortSelector.select(null, List.of(CP2102, CH340)));
    assertTrue(e.getMessage().startsWith("2 NodeMCUs found; choose one with --port PATH or --port SERIAL:"),
        e.getMessage());
  }

  @Test
  void byPathListedOrNot() throws PortSelectionException {
    assertEquals(FTDI, PortSelector.select("/dev/ttyUSB2", List.of(CP2102, FTDI)));
    PortInfo pty = PortSelector.select("/dev/pts/3", List.of(CP2102));
    assertEquals("/dev/pts/3", pty.path());
    assertEquals(PortKind.PSEUDO_TERMINAL, pty.kind());
    assertEquals("COM3", PortSelector.select("COM3", List.of()).path());
  }

  @Test
  void bySerialNumber() throws PortSelectionException {
    assertEquals(FTDI, PortSelector.select("DN04ABCD", List.of(CP2102, FTDI, ARDUINO)));
    assertEquals(CP2102, PortSelector.select("0001", List.of(CP2102, FTDI)), "a numeric serial number still works");
    PortSelectionException e = assertThrows(PortSelectionException.class,
        () -> PortSelector.select("NOPE", List.of(CP2102)));
    assertTrue(e.getMessage().startsWith("no port has serial number 'NOPE'."), e.getMessage());
  }

  @Test
  void neverByIndex() {
    PortSelectionException e = assertThrows(PortSelectionException.class,
        () -> PortSelector.select("0", List.of(CP2102, CH340)));
    assertTrue(e.getMessage().startsWith("'0' is not a port: ports are chosen by path or serial number, never by"
        + " index"), e.getMessage());
  }

  @Test
  void twoPortsWithOneSerialNumberMustBeChosenByPath() {
    PortInfo twin = PortInfo.of("/dev/ttyUSB5", 0x10C4, 0xEA60, "0001", "CP2102");
    PortSelectionException e = assertThrows(PortSelectionException.class,
        () -> PortSelector.select("0001", List.of(CP2102, twin)));
    assertTrue(e.getMessage().startsWith("several ports have serial number '0001'; choose one by path:"));
  }
}
