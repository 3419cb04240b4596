package dev.hilbench.hil.rom;

import dev.hilbench.hil.image.FlashSize;
import java.util.Optional;

/** A flash chip's JEDEC id as RDID returns it in W0: manufacturer, then the two device bytes. */
public record FlashId(int raw) {

  public int manufacturer() {
    return raw & 0xFF;
  }

  /** esptool prints the device as the second and third byte: "4016" for a 4 MB Winbond. */
  public int device() {
    return ((raw >>> 8) & 0xFF) << 8 | ((raw >>> 16) & 0xFF);
  }

  public Optional<FlashSize> size() {
    return FlashSize.fromRdidSizeCode((raw >>> 16) & 0xFF);
  }
}
