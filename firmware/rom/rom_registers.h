// The registers a flasher reads and writes through READ_REG/WRITE_REG: chip detection magic,
// OTP (MAC, chip id), the UART clock divider (crystal detection) and the SPI controller, whose
// "user command" a flasher drives by hand to read the flash id (reference sections 4 and 9).
#pragma once

#include <cstdint>
#include <unordered_map>

#include "rom_chip.h"

namespace rom {

namespace reg {
constexpr uint32_t kChipMagic = 0x40001000;      // ROM word esptool 3+ uses to detect the chip
constexpr uint32_t kChipMagicValue = 0xFFF0C101;
constexpr uint32_t kOldDate = 0x60000078;        // esptool 2.x and old ports check this instead
constexpr uint32_t kOldDateValue = 0x00062000;
constexpr uint32_t kUartClkDiv = 0x60000014;
constexpr uint32_t kUartClkDivValue = 451;       // 115200 baud from a 26 MHz crystal (52 MHz / 115200)
constexpr uint32_t kOtp0 = 0x3FF00050;           // OTP w0..w3 at +0, +4, +8, +C

constexpr uint32_t kSpiBase = 0x60000200;
constexpr uint32_t kSpiCmd = kSpiBase + 0x00;
constexpr uint32_t kSpiAddr = kSpiBase + 0x04;
constexpr uint32_t kSpiUsr = kSpiBase + 0x1C;
constexpr uint32_t kSpiUsr1 = kSpiBase + 0x20;
constexpr uint32_t kSpiUsr2 = kSpiBase + 0x24;
constexpr uint32_t kSpiW0 = kSpiBase + 0x40;     // W0..W15: 64 bytes of data buffer
constexpr uint32_t kSpiCmdUsr = 1u << 18;        // start a user command; hardware clears it when done
constexpr uint32_t kSpiUsrMiso = 1u << 28;       // the command has a read phase
constexpr uint32_t kSpiUsr1MisoBitlenShift = 8;  // USR1[16:8] = read bits - 1 (ESP8266 layout)

// SPI flash commands the emulated flash answers.
constexpr uint8_t kFlashRdid = 0x9F;
constexpr uint8_t kFlashRdsfdp = 0x5A;
constexpr uint8_t kFlashRdsr = 0x05;
constexpr uint8_t kFlashRdsr2 = 0x35;
constexpr uint8_t kFlashRdsr3 = 0x15;
}  // namespace reg

class RegisterFile {
 public:
  explicit RegisterFile(const ChipIdentity& chip) : chip_(chip) {}

  uint32_t read(uint32_t addr) const;
  // WRITE_REG semantics: new = (old & ~mask) | (value & mask). Writing CMD with the USR bit runs
  // the SPI command set up in USR/USR2 against the emulated flash and clears the bit again.
  void write(uint32_t addr, uint32_t value, uint32_t mask);
  void reset() { written_.clear(); }

 private:
  void run_spi_user_command();
  ChipIdentity chip_;
  std::unordered_map<uint32_t, uint32_t> written_;
};

}  // namespace rom
