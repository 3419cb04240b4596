#include "rom_image.h"

#include <cstdarg>
#include <cstdio>
#include <cstring>

#include "rom.h"
#include "rom_protocol.h"

namespace rom {

namespace {

std::string format(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
std::string format(const char* fmt, ...) {
  char buf[256];
  va_list args;
  va_start(args, fmt);
  std::vsnprintf(buf, sizeof buf, fmt, args);
  va_end(args);
  return buf;
}

BootResult fail(const char* rom_text, uint32_t entry, std::string detail) {
  return BootResult{false, rom_text, "", entry, std::move(detail)};
}

void append_le32(std::vector<uint8_t>& out, uint32_t v) {
  uint8_t b[4];
  put_le32(b, v);
  out.insert(out.end(), b, b + 4);
}

}  // namespace

std::vector<uint8_t> build_image(const ImageSpec& spec) {
  std::vector<uint8_t> out{kImageMagic, uint8_t(spec.segments.size()), spec.flash_mode, spec.size_freq};
  append_le32(out, spec.entry);
  uint8_t checksum = kChecksumSeed;
  for (const ImageSegment& seg : spec.segments) {
    std::vector<uint8_t> data = seg.data;
    data.resize((data.size() + 3) / 4 * 4, 0);
    append_le32(out, seg.addr);
    append_le32(out, uint32_t(data.size()));
    out.insert(out.end(), data.begin(), data.end());
    checksum = rom_checksum(data.data(), data.size(), checksum);
  }
  out.resize(checksum_offset(out.size()), 0);
  out.push_back(checksum);
  return out;
}

VersionRecord find_version_record(const uint8_t* data, size_t len) {
  const size_t tag_len = sizeof kVersionTag - 1;
  const void* hit = len >= tag_len ? memmem(data, len, kVersionTag, tag_len) : nullptr;
  if (hit == nullptr) return {false, ""};
  const uint8_t* p = static_cast<const uint8_t*>(hit) + tag_len;
  const uint8_t* end = data + len;
  std::string version;
  while (p < end && *p > ' ' && *p < 0x7F && version.size() < kMaxVersionLen) version.push_back(char(*p++));
  return {true, version};
}

BootResult inspect_image(const FlashStore& flash) { return inspect_image(flash.data(), flash.size()); }

BootResult inspect_image(const uint8_t* flash, size_t size) {
  if (flash == nullptr || size < kImageHeaderLen) {
    return fail("flash read err", 0, format("flash holds %zu bytes, too few for an image header", size));
  }
  bool erased = true;
  for (size_t i = 0; i < kImageHeaderLen; ++i) erased = erased && flash[i] == 0xFF;
  if (erased) return fail("flash read err", 0, "flash is erased at 0x0: nothing was flashed there");
  if (flash[0] != kImageMagic) {
    return fail("ets_main.c", 0, format("no image at 0x0: first byte is 0x%02X, an image starts with 0xE9", flash[0]));
  }
  const size_t count = flash[1];
  const uint32_t entry = get_le32(flash + 4);
  if (count > kMaxSegments) {
    return fail("ets_main.c", entry, format("image header at 0x0 claims %zu segments, at most 16", count));
  }

  size_t pos = kImageHeaderLen;
  uint8_t checksum = kChecksumSeed;
  for (size_t i = 0; i < count; ++i) {
    if (size - pos < kSegmentHeaderLen) {
      return fail("flash read err", entry, format("segment %zu header at 0x%zx runs past the end of the flash", i, pos));
    }
    const uint32_t addr = get_le32(flash + pos);
    const uint32_t len = get_le32(flash + pos + 4);
    pos += kSegmentHeaderLen;
    if (size - pos < len) {
      return fail("flash read err", entry,
                  format("segment %zu (load 0x%08x, %u bytes) at 0x%zx runs past the end of the flash", i, addr,
                         len, pos));
    }
    checksum = rom_checksum(flash + pos, len, checksum);
    pos += len;
  }
  const size_t at = checksum_offset(pos);
  if (at >= size) return fail("flash read err", entry, format("image checksum at 0x%zx is past the end of the flash", at));
  if (flash[at] != checksum) {
    return fail("csum err", entry,
                format("image checksum byte at 0x%zx is 0x%02X, the segments give 0x%02X", at, flash[at], checksum));
  }

  // The record normally sits in the image; an Arduino build keeps its constants in a second image
  // further in flash (eboot at 0x0, the app at 0x1000), so look there too.
  VersionRecord record = find_version_record(flash, at + 1);
  if (!record.found) record = find_version_record(flash + at + 1, size - at - 1);
  return BootResult{true, format("image ok: %zu segments, entry 0x%08x, csum 0x%02x", count, entry, checksum),
                    record.version, entry, ""};
}

}  // namespace rom
