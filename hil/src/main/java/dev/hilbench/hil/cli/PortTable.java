package dev.hilbench.hil.cli;

import dev.hilbench.hil.ports.PortInfo;
import java.util.ArrayList;
import java.util.List;

/** The {@code ports} listing as aligned columns. */
final class PortTable {

  private PortTable() {}

  static String render(List<PortInfo> ports) {
    if (ports.isEmpty()) {
      return "No serial ports found. Plug the board in with a data cable (a charge-only cable shows nothing).\n";
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"PORT", "USB ID", "SERIAL", "KIND", "DESCRIPTION"});
    for (PortInfo p : ports) {
      String kind = p.bridge().map(b -> "NodeMCU (" + b.name() + ")").orElse(p.kind().label());
      rows.add(new String[] {p.path(), p.usbId(), p.serialNumber() == null ? "-" : p.serialNumber(), kind,
          p.description()});
    }
    int[] widths = new int[5];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder s = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(i == row.length - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
      }
      s.append(line.toString().stripTrailing()).append('\n');
    }
    return s.toString();
  }
}
