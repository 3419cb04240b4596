// Who the emulated chip says it is: OTP words (MAC, chip id, ESP8266 or ESP8285) and the flash's
// JEDEC id. Part of the rom.h interface.
#pragma once

#include <array>
#include <cstdint>

namespace rom {

struct ChipIdentity {
  uint32_t otp[4];    // the words at 0x3FF00050, 54, 58, 5C
  uint32_t flash_id;  // what RDID (0x9F) leaves in SPI W0: manufacturer | type << 8 | capacity << 16
};

// w0=0xC3000000 w1=0x0000A1B2 w2=0 w3=0, flash 0x001640EF (Winbond, 4 MB):
// chip id 0x00a1b2c3, MAC 18:fe:34:a1:b2:c3, an ESP8266EX.
ChipIdentity default_chip();
// A chip whose system_get_chip_id() is `chip_id` (what --chip-id sets). When the top byte is
// above 1, w1 no longer selects an Espressif OUI (esptool would fail with "Unknown OUI"), so w3
// then carries 18:FE:34 explicitly.
ChipIdentity chip_with_id(uint32_t chip_id);
uint32_t chip_id_of(const ChipIdentity& chip);             // as esptool's chip_id()
std::array<uint8_t, 6> mac_of(const ChipIdentity& chip);   // as esptool's read_mac()

}  // namespace rom
