// The RAM a flasher can load code into with MEM_BEGIN/MEM_DATA (esptool's stub, RAM-only apps).
// We cannot run Xtensa code, but we keep what was loaded so it can be checked.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace rom {

class Ram {
 public:
  // [addr, addr + len) inside one region: DRAM 0x3FFE8000..0x40000000, or IRAM
  // 0x40100000..0x40110000 (the upper 32 KiB is cache RAM, free while the ROM runs: esptool's
  // ESP8266 stub loads its text at 0x4010C500).
  bool contains(uint32_t addr, size_t len) const;
  bool write(uint32_t addr, const uint8_t* data, size_t len);  // false if not contained
  // The loaded bytes, or nullptr if the range is not contained. Never-written RAM reads as 0.
  const uint8_t* at(uint32_t addr, size_t len);
  void reset() { dram_.clear(); iram_.clear(); }

 private:
  std::vector<uint8_t>* region(uint32_t addr, size_t len, uint32_t& start);
  std::vector<uint8_t> dram_;  // allocated on first use
  std::vector<uint8_t> iram_;
};

}  // namespace rom
