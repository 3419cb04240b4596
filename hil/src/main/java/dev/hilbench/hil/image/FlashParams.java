package dev.hilbench.hil.image;

import java.util.Optional;

/**
 * The header fields {@code --flash-mode/--flash-size/--flash-freq} ask for; empty means keep
 * what the image says (esptool's {@code keep}, the default).
 */
public record FlashParams(Optional<FlashMode> mode, Optional<FlashSize> size, Optional<FlashFreq> freq) {

  public static final FlashParams KEEP = new FlashParams(Optional.empty(), Optional.empty(), Optional.empty());

  public boolean keepsAll() {
    return mode.isEmpty() && size.isEmpty() && freq.isEmpty();
  }

  public FlashParams withSize(FlashSize newSize) {
    return new FlashParams(mode, Optional.of(newSize), freq);
  }
}
