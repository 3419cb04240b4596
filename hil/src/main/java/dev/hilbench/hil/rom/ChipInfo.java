package dev.hilbench.hil.rom;

/** What {@code chip-id} reports. */
public record ChipInfo(String chipType, byte[] mac, int chipId, int crystalMhz) {

  public String macText() {
    return OtpWords.formatMac(mac);
  }

  public String chipIdText() {
    return String.format("0x%08x", chipId);
  }
}
