#include "rom_chip.h"

namespace rom {

namespace {
constexpr uint32_t kWinbond4MB = 0x001640EF;  // EF 40 16: the W25Q32 on a NodeMCU 1.0
constexpr uint32_t kOui18FE34 = 0x0018FE34;
}  // namespace

ChipIdentity default_chip() { return ChipIdentity{{0xC3000000u, 0x0000A1B2u, 0u, 0u}, kWinbond4MB}; }

ChipIdentity chip_with_id(uint32_t chip_id) {
  ChipIdentity chip = default_chip();
  chip.otp[0] = (chip_id & 0xFFu) << 24;
  chip.otp[1] = chip_id >> 8;
  chip.otp[3] = (chip_id >> 24) > 1 ? kOui18FE34 : 0;
  return chip;
}

uint32_t chip_id_of(const ChipIdentity& chip) {
  return (chip.otp[0] >> 24) | ((chip.otp[1] & 0xFFFFFFu) << 8);
}

std::array<uint8_t, 6> mac_of(const ChipIdentity& chip) {
  const uint32_t w0 = chip.otp[0], w1 = chip.otp[1], w3 = chip.otp[3];
  std::array<uint8_t, 6> mac{};
  if (w3 != 0) {
    mac = {uint8_t(w3 >> 16), uint8_t(w3 >> 8), uint8_t(w3), 0, 0, 0};
  } else if (((w1 >> 16) & 0xFF) == 1) {
    mac = {0xAC, 0xD0, 0x74, 0, 0, 0};
  } else {
    // 0 selects 18:FE:34; other values are "Unknown OUI" to esptool, 18:FE:34 is our fallback.
    mac = {0x18, 0xFE, 0x34, 0, 0, 0};
  }
  mac[3] = uint8_t(w1 >> 8);
  mac[4] = uint8_t(w1);
  mac[5] = uint8_t(w0 >> 24);
  return mac;
}

}  // namespace rom
