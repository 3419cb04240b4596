package dev.hilbench.hil.ports;

import java.util.Optional;

/**
 * A serial port as plain data: what a listing shows and what selection and diagnosis work on.
 * A USB id of -1 means unknown (not a USB device, or the system would not say).
 */
public record PortInfo(
    String path, int vendorId, int productId, String serialNumber, String description, PortKind kind) {

  public PortInfo {
    serialNumber = blankToNull(serialNumber);
    description = description == null ? "" : description;
  }

  /** A port named by the user that no listing shows (a pseudo-terminal, typically). */
  public static PortInfo unlisted(String path) {
    return new PortInfo(path, -1, -1, null, "", PortKind.classify(path, -1));
  }

  public static PortInfo of(String path, int vendorId, int productId, String serialNumber, String description) {
    return new PortInfo(path, vendorId, productId, serialNumber, description, PortKind.classify(path, vendorId));
  }

  public Optional<UsbBridge> bridge() {
    return UsbBridge.of(vendorId, productId);
  }

  /** Has a USB-serial bridge that NodeMCU boards carry. */
  public boolean looksLikeNodeMcu() {
    return bridge().isPresent();
  }

  public String usbId() {
    return vendorId < 0 ? "-" : String.format("%04X:%04X", vendorId, productId);
  }

  /** One line for listings and error messages. */
  public String summary() {
    StringBuilder s = new StringBuilder(path).append("  ").append(usbId());
    if (serialNumber != null) {
      s.append("  serial ").append(serialNumber);
    }
    s.append("  ").append(kind.label());
    bridge().ifPresent(b -> s.append(", ").append(b.name()));
    if (!description.isEmpty()) {
      s.append(" (").append(description).append(')');
    }
    return s.toString();
  }

  private static String blankToNull(String s) {
    // jSerialComm says "Unknown" when the device has no serial number.
    return s == null || s.isBlank() || s.equals("Unknown") ? null : s;
  }
}
