package dev.hilbench.hil.ports;

import com.fazecast.jSerialComm.SerialPort;
import java.util.ArrayList;
import java.util.List;

/** The system's serial ports as jSerialComm enumerates them (USB ids from sysfs on Linux). */
public final class JSerialCommPorts implements PortSource {

  @Override
  public List<PortInfo> list() {
    List<PortInfo> ports = new ArrayList<>();
    for (SerialPort p : SerialPort.getCommPorts()) {
      String description = p.getPortDescription();
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
