package dev.hilbench.hil.ports;

/** What sort of device node a port is; decides what it can do (a pty has no modem lines). */
public enum PortKind {
  USB_SERIAL("USB serial"),
  PSEUDO_TERMINAL("pseudo-terminal"),
  BUILTIN_UART("built-in UART"),
  OTHER("serial");

  private final String label;

  PortKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Guessed from the path and whether a USB id is known. */
  public static PortKind classify(String path, int vendorId) {
    if (path.startsWith("/dev/pts/") || path.matches("/dev/ttys\\d+") || path.matches("/dev/pty.*")) {
      return PSEUDO_TERMINAL;
    }
    if (vendorId > 0) {
      return USB_SERIAL;
    }
    if (path.matches("/dev/ttyS\\d+") || path.matches("/dev/ttyAMA\\d+")) {
      return BUILTIN_UART;
    }
    return OTHER;
  }
}
