package dev.hilbench.hil.image;

import java.util.Optional;

/** SPI flash clock, the low nibble of header byte 3. */
public enum FlashFreq {
  FREQ_40M("40m", 0x0),
  FREQ_26M("26m", 0x1),
  FREQ_20M("20m", 0x2),
  FREQ_80M("80m", 0xF);

  private final String label;
  private final int code;

  FlashFreq(String label, int code) {
    this.label = label;
    this.code = code;
  }

  public String label() {
    return label;
  }

  public int code() {
    return code;
  }

  public static Optional<FlashFreq> ofCode(int code) {
    for (FlashFreq f : values()) {
      if (f.code == code) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  public static FlashFreq parse(String label) {
    for (FlashFreq f : values()) {
      if (f.label.equalsIgnoreCase(label)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown flash frequency '" + label + "' (40m, 26m, 20m, 80m)");
  }
}
