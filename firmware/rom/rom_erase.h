// FLASH_BEGIN's erase, as the ESP8266 ROM does it, bug included (reference section 3).
//
// The ROM's SPIEraseArea (reverse-engineered by Cesanta) erases sector by sector up to the next
// 64 KiB block boundary ("head"), then forgets that it already did and erases the full count
// again from there: for `sent` sectors requested it erases sent + min(sent, head). esptool sends
// a smaller size so that the result covers what it needs (esptool_erase_size below).
#pragma once

#include <cstdint>

namespace rom {

constexpr uint32_t kSectorSize = 0x1000;
constexpr uint32_t kSectorsPerBlock = 16;

// What esptool sends as FLASH_BEGIN's erase size to the ESP8266 ROM to get `size` bytes at
// `offset` erased (get_erase_size in esptool's targets/esp8266.py).
uint32_t esptool_erase_size(uint32_t offset, uint32_t size);

struct EraseRange {
  bool ok;                // false: the ROM refuses (offset not sector-aligned, or past the flash end)
  uint32_t first_sector;
  uint32_t sectors;       // contiguous sectors from first_sector (may run past the flash end)
};
// The sectors the ROM erases when FLASH_BEGIN says erase `size` bytes at `offset`.
EraseRange rom_erase_range(uint32_t offset, uint32_t size, uint32_t flash_size);

}  // namespace rom
