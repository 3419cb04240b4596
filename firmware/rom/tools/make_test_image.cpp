// make-test-image: writes a flashable ESP8266 v1 image carrying "HILBENCH-FW:<version>", for the
// virtual NodeMCU's flash-then-boot scenarios.
//
//   make-test-image --version V --out FILE [--corrupt] [--size BYTES]
//
// Segments: IRAM 0x40100000 holds the entry point, a `j .` spin loop (harmless if flashed onto a
// real board); DRAM 0x3FFE8000 holds the version record and a description. --size adds a third
// segment of seeded pseudo-random filler (mapped at 0x40201010, where irom0 lives) so the image is
// exactly BYTES long: it is valid by format for any flasher and for the virtual chip, though a real
// ROM could not load it. --corrupt flips the checksum byte. Exit 0 ok, 1 on I/O error, 2 on usage.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "rom.h"
#include "rom_image.h"

namespace {

constexpr uint32_t kIram = 0x40100000;
constexpr uint32_t kDram = 0x3FFE8000;
constexpr uint32_t kIrom = 0x40201010;
constexpr uint32_t kFillerSeed = 0x48494C42;  // "HILB": the same filler every build

int usage(const char* why) {
  std::fprintf(stderr, "make-test-image: %s\nusage: make-test-image --version V --out FILE [--corrupt] [--size BYTES]\n",
               why);
  return 2;
}

bool version_ok(const std::string& v) {
  if (v.empty() || v.size() > rom::kMaxVersionLen) return false;
  for (char c : v) {
    if (c <= ' ' || c >= 0x7F) return false;  // the record ends at the first space or control byte
  }
  return true;
}

std::vector<uint8_t> filler(size_t len) {
  std::vector<uint8_t> out(len);
  uint32_t x = kFillerSeed;
  for (auto& b : out) {  // xorshift32: incompressible enough that no flasher can shortcut it
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    b = uint8_t(x);
  }
  return out;
}

rom::ImageSpec spec_for(const std::string& version) {
  rom::ImageSpec spec;
  spec.entry = kIram;
  spec.segments.push_back({kIram, {0x06, 0xFF, 0xFF, 0x00}});  // j . (jump to itself)
  const std::string text = std::string(rom::kVersionTag) + version + '\0' + "hilbench virtual NodeMCU test image" + '\0';
  spec.segments.push_back({kDram, std::vector<uint8_t>(text.begin(), text.end())});
  return spec;
}

bool write_file(const std::string& path, const std::vector<uint8_t>& bytes) {
  FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) return false;
  const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
  return std::fclose(f) == 0 && ok;
}

}  // namespace

int main(int argc, char** argv) {
  std::string version, out;
  bool corrupt = false;
  size_t size = 0;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--version" && has_value) {
      version = argv[++i];
    } else if (arg == "--out" && has_value) {
      out = argv[++i];
    } else if (arg == "--size" && has_value) {
      char* end = nullptr;
      size = std::strtoul(argv[++i], &end, 0);
      if (*end != '\0' || size == 0) return usage("--size takes a byte count");
    } else if (arg == "--corrupt") {
      corrupt = true;
    } else {
      return usage(("unknown or incomplete argument: " + arg).c_str());
    }
  }
  if (out.empty()) return usage("--out is required");
  if (!version_ok(version)) return usage("--version must be 1 to 64 printable characters without spaces");

  rom::ImageSpec spec = spec_for(version);
  std::vector<uint8_t> image = rom::build_image(spec);
  if (size != 0) {
    // Third segment sized so that header + segments + padding + checksum is exactly `size`: the
    // segment ends at most 3 bytes before the checksum byte at size - 1 (15 mod 16 when size is a
    // multiple of 16).
    size_t segments_end = rom::kImageHeaderLen;
    for (const auto& seg : spec.segments) segments_end += rom::kSegmentHeaderLen + (seg.data.size() + 3) / 4 * 4;
    if (size % 16 != 0 || size < segments_end + rom::kSegmentHeaderLen + 16) {
      return usage("--size must be a multiple of 16 and leave room for the filler segment");
    }
    const size_t filler_len = (size - 1 - segments_end - rom::kSegmentHeaderLen) / 4 * 4;
    spec.segments.push_back({kIrom, filler(filler_len)});
    image = rom::build_image(spec);
  }

  const rom::BootResult check = rom::inspect_image(image.data(), image.size());
  if (!check.ok || check.version != version || (size != 0 && image.size() != size)) {
    std::fprintf(stderr, "make-test-image: built image fails its own check: %s %s\n", check.message.c_str(),
                 check.detail.c_str());
    return 1;
  }
  if (corrupt) image.back() ^= 0xFF;  // the checksum byte
  if (!write_file(out, image)) {
    std::fprintf(stderr, "make-test-image: cannot write %s: %s\n", out.c_str(), std::strerror(errno));
    return 1;
  }
  std::printf("wrote %s: %zu bytes, %zu segments, version %s, checksum 0x%02x%s\n", out.c_str(), image.size(),
              spec.segments.size(), version.c_str(), image.back(), corrupt ? " (corrupted)" : "");
  return 0;
}
