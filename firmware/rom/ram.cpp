#include "rom_ram.h"

#include <cstring>

namespace rom {

namespace {
constexpr uint32_t kDramStart = 0x3FFE8000, kDramEnd = 0x40000000;
constexpr uint32_t kIramStart = 0x40100000, kIramEnd = 0x40110000;

bool inside(uint32_t addr, size_t len, uint32_t start, uint32_t end) {
  return addr >= start && addr <= end && len <= size_t(end - addr);
}
}  // namespace

bool Ram::contains(uint32_t addr, size_t len) const {
  return inside(addr, len, kDramStart, kDramEnd) || inside(addr, len, kIramStart, kIramEnd);
}

std::vector<uint8_t>* Ram::region(uint32_t addr, size_t len, uint32_t& start) {
  std::vector<uint8_t>* bytes = nullptr;
  uint32_t end = 0;
  if (inside(addr, len, kDramStart, kDramEnd)) {
    bytes = &dram_, start = kDramStart, end = kDramEnd;
  } else if (inside(addr, len, kIramStart, kIramEnd)) {
    bytes = &iram_, start = kIramStart, end = kIramEnd;
  } else {
    return nullptr;
  }
  if (bytes->empty()) bytes->assign(end - start, 0);
  return bytes;
}

bool Ram::write(uint32_t addr, const uint8_t* data, size_t len) {
  uint32_t start = 0;
  std::vector<uint8_t>* bytes = region(addr, len, start);
  if (bytes == nullptr) return false;
  if (len > 0) std::memcpy(bytes->data() + (addr - start), data, len);
  return true;
}

const uint8_t* Ram::at(uint32_t addr, size_t len) {
  uint32_t start = 0;
  std::vector<uint8_t>* bytes = region(addr, len, start);
  return bytes == nullptr ? nullptr : bytes->data() + (addr - start);
}

}  // namespace rom
