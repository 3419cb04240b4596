package dev.hilbench.hil.ports;

import com.fazecast.jSerialComm.SerialPort;
import java.util.ArrayList;
import java.util.List;

/** The system's serial ports as jSerialComm enumerates them (USB ids from sysfs on Linux). */
public final class JSerialCommPorts implements PortSource {

  private static final String USER_SPECIFIED = "User-Specified Port";

  @Override
  public List<PortInfo> list() {
    List<PortInfo> ports = new ArrayList<>();
    for (SerialPort p : SerialPort.getCommPorts()) {
      String description = p.getPortDescription();
      if (USER_SPECIFIED.equals(description)) {
        continue;   // not found by enumeration: jSerialComm echoes a port this program opened by path
      }
      String manufacturer = p.getManufacturer();
      if (manufacturer != null && !manufacturer.isBlank() && !manufacturer.equals("Unknown")
          && !description.contains(manufacturer)) {
        description = manufacturer + " " + description;
      }
      ports.add(PortInfo.of(p.getSystemPortPath(), p.getVendorID(), p.getProductID(), p.getSerialNumber(), description));
    }
    return ports;
  }
}
