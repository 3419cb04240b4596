// The ESP8266 v1 firmware image (reference section 5): building one and checking one as the ROM
// does before a flash boot. inspect_image() itself is declared in rom.h.
//
//   E9, segment count (<= 16), flash mode, size<<4 | freq, entry (u32)
//   per segment: load address (u32), length (u32, a multiple of 4), data
//   zero padding up to a length of 15 mod 16, then 0xEF XOR all segment data (headers excluded)
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace rom {

constexpr uint8_t kImageMagic = 0xE9;
constexpr size_t kImageHeaderLen = 8;
constexpr size_t kSegmentHeaderLen = 8;
constexpr size_t kMaxSegments = 16;
constexpr char kVersionTag[] = "HILBENCH-FW:";
constexpr size_t kMaxVersionLen = 64;

enum FlashMode : uint8_t { kQio = 0, kQout = 1, kDio = 2, kDout = 3 };
constexpr uint8_t kSize4MB40m = 0x40;  // size code 0x40 (4MB) in the high nibble, 40m = 0x0

struct ImageSegment {
  uint32_t addr;
  std::vector<uint8_t> data;  // padded with zeros to a multiple of 4 when built
};

struct ImageSpec {
  uint32_t entry = 0;
  uint8_t flash_mode = kDio;  // what the NodeMCU 1.0 boots with
  uint8_t size_freq = kSize4MB40m;
  std::vector<ImageSegment> segments;
};

std::vector<uint8_t> build_image(const ImageSpec& spec);

// Offset of the checksum byte of an image whose segments end at `end` (first byte after them).
inline size_t checksum_offset(size_t end) { return end + (15 - end % 16); }

// The text after the first "HILBENCH-FW:" in [data, data + len), up to a NUL, a space or any
// other non-printable byte (at most kMaxVersionLen characters). found=false if there is none.
struct VersionRecord {
  bool found;
  std::string version;
};
VersionRecord find_version_record(const uint8_t* data, size_t len);

}  // namespace rom
