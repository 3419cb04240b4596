package dev.hilbench.hil.ports;

import java.util.Optional;

/** The USB-serial bridges found on NodeMCU boards, by USB vendor and product id. */
public enum UsbBridge {
  CP2102(0x10C4, 0xEA60, "Silicon Labs CP210x (NodeMCU v1.0, Amica)"),
  CH340(0x1A86, 0x7523, "WCH CH340 (NodeMCU v3, LoLin)"),
  FT232R(0x0403, 0x6001, "FTDI FT232R"),
  FT231X(0x0403, 0x6015, "FTDI FT231X/FT230X");

  private final int vendorId;
  private final int productId;
  private final String description;

  UsbBridge(int vendorId, int productId, String description) {
    this.vendorId = vendorId;
    this.productId = productId;
    this.description = description;
  }

  public int vendorId() {
    return vendorId;
  }

  public int productId() {
    return productId;
  }

  public String description() {
    return description;
  }

  public String usbId() {
    return String.format("%04X:%04X", vendorId, productId);
  }

  public static Optional<UsbBridge> of(int vendorId, int productId) {
    for (UsbBridge b : values()) {
      if (b.vendorId == vendorId && b.productId == productId) {
        return Optional.of(b);
      }
    }
    return Optional.empty();
  }

  /** "CP2102 10C4:EA60, CH340 1A86:7523, ..." for messages. */
  public static String known() {
    StringBuilder s = new StringBuilder();
    for (UsbBridge b : values()) {
      if (!s.isEmpty()) {
        s.append(", ");
      }
      s.append(b.name()).append(' ').append(b.usbId());
    }
    return s.toString();
  }
}
