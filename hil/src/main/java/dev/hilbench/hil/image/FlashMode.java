package dev.hilbench.hil.image;

import java.util.Optional;

/** SPI flash mode, byte 2 of the image header. DIO is the safe choice on most NodeMCUs. */
public enum FlashMode {
  QIO(0), QOUT(1), DIO(2), DOUT(3);

  private final int code;

  FlashMode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Optional<FlashMode> ofCode(int code) {
    for (FlashMode m : values()) {
      if (m.code == code) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  public static FlashMode parse(String label) {
    for (FlashMode m : values()) {
      if (m.label().equalsIgnoreCase(label)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown flash mode '" + label + "' (qio, qout, dio, dout)");
  }
}
