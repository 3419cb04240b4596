// FLASH_BEGIN's erase: esptool's size workaround against the model of the ROM's buggy routine.
#include "check.h"
#include "helpers.h"
#include "rom_erase.h"

using rom::EraseRange;
using rom::kSectorSize;

namespace {
constexpr uint32_t k4MB = 4u << 20;
}

TEST(erase_with_esptool_size_covers_what_is_needed_plus_at_most_one_sector) {
  // The reference's scripted check, redone: for every start sector in three blocks and every
  // length up to 4 blocks, the ROM erases from the offset exactly n or n + 1 sectors.
  int cases = 0;
  for (uint32_t first = 0; first < 48; ++first) {
    for (uint32_t size = 1; size <= 64 * kSectorSize; size += (size < 0x2000 ? 0x3FF : kSectorSize)) {
      const uint32_t offset = first * kSectorSize;
      const uint32_t needed = (size + kSectorSize - 1) / kSectorSize;
      const EraseRange r = rom::rom_erase_range(offset, rom::esptool_erase_size(offset, size), k4MB);
      ++cases;
      if (!r.ok || r.first_sector != first || r.sectors < needed || r.sectors > needed + 1) {
        CHECK_EQ(r.sectors, needed);  // prints the case that broke
        std::printf("    at offset 0x%x size 0x%x\n", offset, size);
        return;
      }
    }
  }
  CHECK(cases > 3000);
}

TEST(erase_without_the_workaround_erases_too_much) {
  // Sending the real size from a block boundary erases twice as much: 16 + 16 sectors.
  const EraseRange r = rom::rom_erase_range(0, 0x10000, k4MB);
  CHECK(r.ok);
  CHECK_EQ(r.sectors, uint32_t(32));
  // One sector from the middle of a block: 1 + 1.
  CHECK_EQ(rom::rom_erase_range(0x5000, 0x1000, k4MB).sectors, uint32_t(2));
}

TEST(erase_esp_serial_flasher_size_under_erases) {
  // esp-serial-flasher sends 0x4000 for (0, 0x14000): the model erases 4 + 4 = 8 of 20 sectors.
  const EraseRange r = rom::rom_erase_range(0, 0x4000, k4MB);
  CHECK_EQ(r.sectors, uint32_t(8));
}

TEST(erase_refusals_and_nothing) {
  CHECK(!rom::rom_erase_range(0x800, 0x1000, k4MB).ok);           // not sector-aligned
  CHECK(!rom::rom_erase_range(k4MB - 0x1000, 0x2000, k4MB).ok);   // past the end
  const EraseRange none = rom::rom_erase_range(0, 0, k4MB);       // FLASH_BEGIN(0, 0): attach only
  CHECK(none.ok);
  CHECK_EQ(none.sectors, uint32_t(0));
}

TEST(erase_quirk_is_visible_in_the_flash) {
  t::Board board;
  CHECK_EQ(board.write_flash(0, t::Bytes(0x3000, 0x00)), "00 00");  // sectors 0-2 programmed to 00
  // Raw size 0x1000 at 0: the ROM erases sectors 0 and 1 (1 + min(1, 16)), not sector 2.
  CHECK_EQ(t::status_of(board.command(rom::kFlashBegin, t::words({0x1000, 1, 0x400, 0}))), "00 00");
  CHECK_EQ(board.flash.data()[0], uint8_t(0xFF));
  CHECK_EQ(board.flash.data()[0x1FFF], uint8_t(0xFF));
  CHECK_EQ(board.flash.data()[0x2000], uint8_t(0x00));
}

TEST(erase_too_small_shows_as_flash_write_error) {
  t::Board board;
  CHECK_EQ(board.write_flash(0, t::Bytes(0x14000, 0x00)), "00 00");
  // Rewrite 0x14000 bytes of 0x5A with esp-serial-flasher's erase size: blocks past the 8 erased
  // sectors do not read back, and the ROM says so.
  CHECK_EQ(t::status_of(board.command(rom::kFlashBegin, t::words({0x4000, 80, 0x400, 0}))), "00 00");
  std::string first_failure;
  uint32_t failed_seq = 0;
  for (uint32_t seq = 0; seq < 80 && first_failure.empty(); ++seq) {
    const std::string status = t::status_of(board.exchange(t::data_request(rom::kFlashData, seq, t::Bytes(0x400, 0x5A))));
    if (status != "00 00") first_failure = status, failed_seq = seq;
  }
  CHECK_EQ(first_failure, "01 08");
  CHECK_EQ(failed_seq, uint32_t(8 * kSectorSize / 0x400));  // the first block of sector 8
}
