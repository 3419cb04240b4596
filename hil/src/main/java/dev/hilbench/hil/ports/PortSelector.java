package dev.hilbench.hil.ports;

import java.util.List;

/**
 * Chooses a port by path, by USB serial number, or, with nothing given, the only NodeMCU present.
 * Never by index: indexes shift whenever a board is plugged in or re-enumerates.
 */
public final class PortSelector {

  private PortSelector() {}

  /**
   * @param spec a path ({@code /dev/ttyUSB0}, {@code COM3}), a serial number, or null/blank for
   *     the only NodeMCU present
   */
  public static PortInfo select(String spec, List<PortInfo> ports) throws PortSelectionException {
    if (spec == null || spec.isBlank()) {
      return onlyNodeMcu(ports);
    }
    if (looksLikePath(spec)) {
      for (PortInfo p : ports) {
        if (p.path().equals(spec)) {
          return p;
        }
      }
      return PortInfo.unlisted(spec);   // ptys and unusual devices are not listed; opening will tell
    }
    List<PortInfo> bySerial = ports.stream().filter(p -> spec.equals(p.serialNumber())).toList();
    if (bySerial.size() == 1) {
      return bySerial.get(0);
    }
    if (bySerial.size() > 1) {
      throw new PortSelectionException("several ports have serial number '" + spec + "'; choose one by path:"
          + listing(bySerial));
    }
    if (spec.matches("\\d{1,2}")) {
      throw new PortSelectionException("'" + spec + "' is not a port: ports are chosen by path or serial number,"
          + " never by index (indexes change when boards are plugged in)." + listing(ports));
    }
    throw new PortSelectionException("no port has serial number '" + spec + "'." + listing(ports));
  }

  private static PortInfo onlyNodeMcu(List<PortInfo> ports) throws PortSelectionException {
    List<PortInfo> boards = ports.stream().filter(PortInfo::looksLikeNodeMcu).toList();
    if (boards.size() == 1) {
      return boards.get(0);
    }
    if (boards.isEmpty()) {
      throw new PortSelectionException("no NodeMCU found (looked for the USB bridges " + UsbBridge.known()
          + "). Plug the board in with a data cable, or name the port with --port PATH." + listing(ports));
    }
    throw new PortSelectionException(boards.size() + " NodeMCUs found; choose one with --port PATH or"
        + " --port SERIAL:" + listing(boards));
  }

  static boolean looksLikePath(String spec) {
    return spec.startsWith("/") || spec.matches("(?i)COM\\d+") || spec.startsWith("\\\\.\\");
  }

  static String listing(List<PortInfo> ports) {
    if (ports.isEmpty()) {
      return "\nNo serial ports are present.";
    }
    StringBuilder s = new StringBuilder("\nPorts present:");
    for (PortInfo p : ports) {
      s.append("\n  ").append(p.summary());
    }
    return s.toString();
  }
}
