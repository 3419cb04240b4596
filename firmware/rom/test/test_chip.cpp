// Chip identity (chip id, MAC as esptool derives them), RAM model and the boot banner.
#include "check.h"
#include "helpers.h"
#include "rom_ram.h"

namespace {
std::string mac_text(const rom::ChipIdentity& chip) {
  const auto m = rom::mac_of(chip);
  char buf[20];
  std::snprintf(buf, sizeof buf, "%02x:%02x:%02x:%02x:%02x:%02x", m[0], m[1], m[2], m[3], m[4], m[5]);
  return buf;
}
}  // namespace

TEST(chip_default_identity_matches_the_reference_vector) {
  const rom::ChipIdentity chip = rom::default_chip();
  CHECK_EQ(rom::chip_id_of(chip), uint32_t(0x00A1B2C3));
  CHECK_EQ(mac_text(chip), "18:fe:34:a1:b2:c3");
  CHECK_EQ(chip.flash_id, uint32_t(0x001640EF));
}

TEST(chip_with_id_round_trips_and_picks_an_oui) {
  CHECK_EQ(rom::chip_id_of(rom::chip_with_id(0x00123456)), uint32_t(0x00123456));
  CHECK_EQ(mac_text(rom::chip_with_id(0x00123456)), "18:fe:34:12:34:56");
  CHECK_EQ(mac_text(rom::chip_with_id(0x01ABCDEF)), "ac:d0:74:ab:cd:ef");  // w1 bit 16: AC:D0:74
  const rom::ChipIdentity odd = rom::chip_with_id(0xDEADBEEF);
  CHECK_EQ(rom::chip_id_of(odd), uint32_t(0xDEADBEEF));
  CHECK_EQ(odd.otp[3], uint32_t(0x0018FE34));
  CHECK_EQ(mac_text(odd), "18:fe:34:ad:be:ef");
}

TEST(chip_identity_is_what_the_registers_say) {
  t::Board board(rom::chip_with_id(0x00C0FFEE));
  const uint32_t w0 = board.read_reg(0x3FF00050), w1 = board.read_reg(0x3FF00054);
  CHECK_EQ((w0 >> 24) | ((w1 & 0xFFFFFF) << 8), uint32_t(0x00C0FFEE));  // esptool's chip_id()
}

TEST(ram_regions_and_bounds) {
  rom::Ram ram;
  CHECK(ram.contains(0x3FFE8000, 0x18000));   // all of DRAM
  CHECK(!ram.contains(0x3FFE8000, 0x18001));
  CHECK(ram.contains(0x4010C500, 0x1000));    // where esptool's ESP8266 stub text goes
  CHECK(!ram.contains(0x40110000 - 4, 8));
  CHECK(!ram.contains(0x40200000, 4));        // flash-mapped, not RAM
  const uint8_t code[4] = {0x06, 0xFF, 0xFF, 0x00};
  CHECK(ram.write(0x40100000, code, 4));
  const uint8_t* at = ram.at(0x40100000, 4);
  CHECK(at != nullptr && at[0] == 0x06 && at[3] == 0x00);
  CHECK(!ram.write(0x50000000, code, 4));
  ram.reset();
  at = ram.at(0x40100000, 4);
  CHECK(at != nullptr && at[0] == 0x00);
}

TEST(banner_says_download_or_flash_boot) {
  t::Capture download, flash;
  rom::print_boot_banner(true, download);
  rom::print_boot_banner(false, flash);
  CHECK_EQ(download.text(), "\r\n ets Jan  8 2013,rst cause:2, boot mode:(1,6)\r\n\r\n");
  CHECK_EQ(flash.text(), "\r\n ets Jan  8 2013,rst cause:2, boot mode:(3,6)\r\n\r\n");
}
