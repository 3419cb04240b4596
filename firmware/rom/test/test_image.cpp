// The v1 image: building, the ROM's checks before a flash boot, the version record.
#include <cstdio>
#include <fstream>
#include <iterator>

#include "check.h"
#include "helpers.h"
#include "rom_image.h"

using t::Bytes;
using t::hex;

namespace {

rom::ImageSpec two_segment_spec(const std::string& version) {
  rom::ImageSpec spec;
  spec.entry = 0x40100000;
  spec.segments.push_back({0x40100000, {0x06, 0xFF, 0xFF, 0x00}});
  const std::string record = "HILBENCH-FW:" + version + '\0';
  spec.segments.push_back({0x3FFE8000, Bytes(record.begin(), record.end())});
  return spec;
}

rom::BootResult inspect(const Bytes& flash) { return rom::inspect_image(flash.data(), flash.size()); }

Bytes read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

TEST(image_built_image_boots_with_its_version) {
  const Bytes image = rom::build_image(two_segment_spec("1.2.3"));
  CHECK_EQ(image.size() % 16, size_t(0));
  const rom::BootResult r = inspect(image);
  CHECK(r.ok);
  CHECK_EQ(r.version, "1.2.3");
  CHECK_EQ(r.entry, uint32_t(0x40100000));
  CHECK_EQ(r.detail, "");
}

TEST(image_equivalent_of_esptool_not_4_byte_aligned_bin) {
  // esptool's test/images/not_4_byte_aligned.bin: entry 0x40101844, one segment (0x40100000,
  // 0x14), QIO, 512KB, 40m, 48 bytes, checksum 0x6b at offset 47, then "badbadbeef" appended.
  // Same layout, with segment data chosen to give the same checksum.
  Bytes data = hex("36 41 00 0c 02 91 fe ff 1d f0 00 00 ab cd ef 01 23 45 67 00");
  uint8_t x = rom::rom_checksum(data.data(), data.size());
  data.back() ^= uint8_t(x ^ 0x6B);  // now 0xEF ^ all bytes == 0x6b
  rom::ImageSpec spec;
  spec.entry = 0x40101844;
  spec.flash_mode = rom::kQio;
  spec.size_freq = 0x00;  // 512KB, 40m
  spec.segments.push_back({0x40100000, data});
  Bytes image = rom::build_image(spec);
  CHECK_EQ(image.size(), size_t(48));
  CHECK_EQ(Bytes(image.begin(), image.begin() + 8), hex("e9 01 00 00 44 18 10 40"));
  CHECK_EQ(Bytes(image.begin() + 8, image.begin() + 16), hex("00 00 10 40 14 00 00 00"));
  CHECK_EQ(rom::checksum_offset(16 + 0x14), size_t(47));
  CHECK_EQ(image[47], uint8_t(0x6B));
  const std::string tail = "badbadbeef";
  image.insert(image.end(), tail.begin(), tail.end());
  const rom::BootResult r = inspect(image);
  CHECK(r.ok);
  CHECK_EQ(r.entry, uint32_t(0x40101844));
  CHECK_EQ(r.version, "");
}

TEST(image_header_patch_keeps_the_checksum_valid) {
  // esptool rewrites bytes 2-3 (mode, size/freq) at offset 0; the checksum excludes the header.
  Bytes image = rom::build_image(two_segment_spec("v"));
  image[2] = rom::kDout;
  image[3] = 0x2F;
  CHECK(inspect(image).ok);
}

TEST(image_bad_checksum_is_csum_err) {
  Bytes image = rom::build_image(two_segment_spec("1.0"));
  image.back() ^= 0xFF;
  const rom::BootResult r = inspect(image);
  CHECK(!r.ok);
  CHECK_EQ(r.message, "csum err");
  CHECK_EQ(r.version, "");
  CHECK(r.detail.find("checksum byte at 0x") != std::string::npos);
  // A flipped data byte is caught the same way.
  Bytes data_flip = rom::build_image(two_segment_spec("1.0"));
  data_flip[17] ^= 0x01;
  CHECK_EQ(inspect(data_flip).message, "csum err");
}

TEST(image_erased_flash_is_flash_read_err) {
  const rom::BootResult r = inspect(Bytes(4096, 0xFF));
  CHECK(!r.ok);
  CHECK_EQ(r.message, "flash read err");
  CHECK(r.detail.find("erased") != std::string::npos);
  CHECK_EQ(inspect(Bytes(4, 0xE9)).message, "flash read err");  // too short for a header
}

TEST(image_structural_errors) {
  Bytes not_image = rom::build_image(two_segment_spec("1.0"));
  not_image[0] = 0xEA;  // a "v2" image, or anything else: the ROM does not boot it
  CHECK_EQ(inspect(not_image).message, "ets_main.c");

  Bytes many = rom::build_image(two_segment_spec("1.0"));
  many[1] = 17;
  const rom::BootResult r = inspect(many);
  CHECK_EQ(r.message, "ets_main.c");
  CHECK(r.detail.find("17 segments") != std::string::npos);

  Bytes truncated = rom::build_image(two_segment_spec("1.0"));
  truncated.resize(30);  // second segment cut off
  const rom::BootResult cut = inspect(truncated);
  CHECK_EQ(cut.message, "flash read err");
  CHECK(cut.detail.find("segment 1") != std::string::npos);

  Bytes huge_len = rom::build_image(two_segment_spec("1.0"));
  rom::put_le32(huge_len.data() + 12, 0xFFFFFFF0);  // segment 0 length
  CHECK_EQ(inspect(huge_len).message, "flash read err");
}

TEST(image_version_record_ends_at_nul_space_or_control) {
  CHECK_EQ(rom::find_version_record(reinterpret_cast<const uint8_t*>("xxHILBENCH-FW:1.0 rest"), 22).version, "1.0");
  const Bytes with_nul = hex("48 49 4c 42 45 4e 43 48 2d 46 57 3a 61 62 00 63");
  CHECK_EQ(rom::find_version_record(with_nul.data(), with_nul.size()).version, "ab");
  const std::string at_end = "HILBENCH-FW:2.0";
  CHECK_EQ(rom::find_version_record(reinterpret_cast<const uint8_t*>(at_end.data()), at_end.size()).version, "2.0");
  const std::string long_one = "HILBENCH-FW:" + std::string(100, 'v');
  CHECK_EQ(rom::find_version_record(reinterpret_cast<const uint8_t*>(long_one.data()), long_one.size()).version.size(),
           rom::kMaxVersionLen);
  const rom::VersionRecord none = rom::find_version_record(reinterpret_cast<const uint8_t*>("HILBENCH"), 8);
  CHECK(!none.found);
  CHECK_EQ(none.version, "");
}

TEST(image_first_record_wins_and_later_images_are_searched) {
  rom::ImageSpec spec = two_segment_spec("first");
  const std::string second = "HILBENCH-FW:second";
  spec.segments.push_back({0x3FFF0000, Bytes(second.begin(), second.end())});
  CHECK_EQ(inspect(rom::build_image(spec)).version, "first");

  // An Arduino build: a boot image at 0 without a record, the app (with it) at 0x1000.
  rom::ImageSpec boot;
  boot.entry = 0x4010F000;
  boot.segments.push_back({0x4010F000, Bytes(64, 0x20)});
  Bytes flash = rom::build_image(boot);
  flash.resize(0x1000, 0xFF);
  const Bytes app = rom::build_image(two_segment_spec("app-2.1"));
  flash.insert(flash.end(), app.begin(), app.end());
  const rom::BootResult r = inspect(flash);
  CHECK(r.ok);
  CHECK_EQ(r.version, "app-2.1");
}

TEST(image_flashed_through_the_rom_boots_from_the_flash_store) {
  t::Board board;
  CHECK_EQ(rom::inspect_image(board.flash).message, "flash read err");
  CHECK_EQ(board.write_flash(0, rom::build_image(two_segment_spec("9.9.9"))), "00 00");
  const rom::BootResult r = rom::inspect_image(board.flash);
  CHECK(r.ok);
  CHECK_EQ(r.version, "9.9.9");
}

TEST(image_files_made_by_the_build) {
  // `make test` passes the images make-test-image wrote; run by hand without them, this is skipped.
  if (check::args().size() < 2) {
    std::printf("  (no image paths given: build outputs not checked)\n");
    return;
  }
  const Bytes good = read_file(check::args()[0]);
  const Bytes bad = read_file(check::args()[1]);
  const rom::BootResult r = inspect(good);
  CHECK(r.ok);
  CHECK(!r.version.empty());
  CHECK_EQ(r.entry, uint32_t(0x40100000));
  CHECK_EQ(good[1], uint8_t(2));  // two segments
  CHECK_EQ(bad.size(), good.size());
  CHECK_EQ(inspect(bad).message, "csum err");
  CHECK_EQ(uint8_t(bad.back() ^ good.back()), uint8_t(0xFF));
}
