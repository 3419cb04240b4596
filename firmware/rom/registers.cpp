#include "rom_registers.h"

#include <cstddef>

namespace rom {

namespace {

// Mask ROM and OTP cannot be written: a write there is accepted and has no effect.
bool read_only(uint32_t addr) {
  return (addr >= 0x40000000 && addr < 0x40010000) || (addr >= reg::kOtp0 && addr < reg::kOtp0 + 16);
}

}  // namespace

uint32_t RegisterFile::read(uint32_t addr) const {
  if (addr >= reg::kOtp0 && addr < reg::kOtp0 + 16 && addr % 4 == 0) return chip_.otp[(addr - reg::kOtp0) / 4];
  if (addr == reg::kChipMagic) return reg::kChipMagicValue;
  const auto it = written_.find(addr);
  if (it != written_.end()) return it->second;
  switch (addr) {
    case reg::kOldDate: return reg::kOldDateValue;
    case reg::kUartClkDiv: return reg::kUartClkDivValue;
    default: return 0;
  }
}

void RegisterFile::write(uint32_t addr, uint32_t value, uint32_t mask) {
  if (read_only(addr)) return;
  const uint32_t merged = (read(addr) & ~mask) | (value & mask);
  written_[addr] = merged;
  if (addr == reg::kSpiCmd && (merged & reg::kSpiCmdUsr) != 0) run_spi_user_command();
}

void RegisterFile::run_spi_user_command() {
  const uint8_t command = uint8_t(read(reg::kSpiUsr2));  // USR2 = (bits - 1) << 28 | command
  const bool has_read = (read(reg::kSpiUsr) & reg::kSpiUsrMiso) != 0;
  const uint32_t read_bits = has_read ? ((read(reg::kSpiUsr1) >> reg::kSpiUsr1MisoBitlenShift) & 0x1FF) + 1 : 0;

  // What the flash shifts out on MISO, byte by byte. A command the flash does not know leaves
  // MISO floating high, so it reads as 0xFF (that is also what SFDP gives on a flash without it).
  uint8_t reply[64];
  for (auto& b : reply) b = 0xFF;
  switch (command) {
    case reg::kFlashRdid:
      reply[0] = uint8_t(chip_.flash_id);
      reply[1] = uint8_t(chip_.flash_id >> 8);
      reply[2] = uint8_t(chip_.flash_id >> 16);
      break;
    case reg::kFlashRdsr:
    case reg::kFlashRdsr2:
    case reg::kFlashRdsr3:
      for (auto& b : reply) b = 0x00;  // not busy, not write-enabled, no protection
      break;
    default:
      break;
  }

  // The controller fills W0.. least significant byte first with the bits read; bits past the read
  // length are left at 0.
  const size_t bytes = (read_bits + 7) / 8;
  for (size_t word = 0; word * 4 < bytes; ++word) {
    uint32_t value = 0;
    for (size_t i = 0; i < 4 && word * 4 + i < bytes; ++i) value |= uint32_t(reply[word * 4 + i]) << (8 * i);
    const uint32_t bits_here = read_bits - uint32_t(word) * 32;
    if (bits_here < 32) value &= (1u << bits_here) - 1;
    written_[reg::kSpiW0 + uint32_t(word) * 4] = value;
  }
  written_[reg::kSpiCmd] = read(reg::kSpiCmd) & ~reg::kSpiCmdUsr;  // done at once
}

}  // namespace rom
