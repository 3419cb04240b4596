#include "rom_erase.h"

namespace rom {

namespace {
uint32_t sectors_for(uint32_t bytes) { return bytes / kSectorSize + (bytes % kSectorSize != 0 ? 1 : 0); }
}  // namespace

uint32_t esptool_erase_size(uint32_t offset, uint32_t size) {
  const uint32_t num_sectors = sectors_for(size);
  const uint32_t start_sector = offset / kSectorSize;
  uint32_t head_sectors = kSectorsPerBlock - start_sector % kSectorsPerBlock;
  if (num_sectors < head_sectors) head_sectors = num_sectors;
  if (num_sectors < 2 * head_sectors) return (num_sectors + 1) / 2 * kSectorSize;
  return (num_sectors - head_sectors) * kSectorSize;
}

EraseRange rom_erase_range(uint32_t offset, uint32_t size, uint32_t flash_size) {
  // The ROM's own checks, made on the size it was sent (not on what it ends up erasing).
  if (offset % kSectorSize != 0 || uint64_t(offset) + size > flash_size) return {false, 0, 0};
  const uint32_t first = offset / kSectorSize;
  const uint32_t sent = sectors_for(size);
  uint32_t head = kSectorsPerBlock - first % kSectorsPerBlock;
  if (sent < head) head = sent;
  // head sectors one by one, then `sent` more (whole blocks where aligned): the bug.
  return {true, first, head + sent};
}

}  // namespace rom
