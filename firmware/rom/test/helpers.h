// Test helpers: byte vectors, a capturing UART, a temp dir, and a flasher's side of the wire.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

#include "rom.h"
#include "rom_protocol.h"

namespace t {

using Bytes = std::vector<uint8_t>;

Bytes hex(const char* text);                       // "c0 00 08" -> {0xc0, 0x00, 0x08}
Bytes words(std::initializer_list<uint32_t> ws);   // little-endian u32s
Bytes repeat(uint8_t b, size_t n);
Bytes cat(const Bytes& a, const Bytes& b);
Bytes slip(const Bytes& raw);                      // C0 + escaped + C0
std::vector<Bytes> unslip(const Bytes& wire);      // every frame in the bytes

struct Capture : rom::ByteSink {
  Bytes bytes;
  void write(const uint8_t* data, size_t len) override { bytes.insert(bytes.end(), data, data + len); }
  std::string text() const { return std::string(bytes.begin(), bytes.end()); }
};

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string path(const char* name) const { return dir_ + "/" + name; }

 private:
  std::string dir_;
};

// FLASH_DATA/MEM_DATA request payload: size, seq, 0, 0, data; the checksum goes in the header.
Bytes data_request(uint8_t op, uint32_t seq, const Bytes& data);
Bytes data_request(uint8_t op, uint32_t seq, const Bytes& data, uint32_t checksum);

// A board in download mode with a fresh 4 MB flash file, driven the way esptool drives it.
struct Board {
  TempDir dir;
  rom::FlashStore flash;
  rom::Bootloader rom;
  Capture uart;
  Capture log;

  explicit Board(rom::ChipIdentity chip = rom::default_chip());
  // Sends the raw (unescaped) request; returns the decoded replies it caused.
  std::vector<Bytes> send(const Bytes& raw_request);
  // Sends a request that must cause exactly one reply, and returns it ({} if not).
  Bytes exchange(const Bytes& raw_request);
  Bytes command(uint8_t op, const Bytes& data) { return exchange(rom::make_command(op, data)); }
  uint32_t read_reg(uint32_t addr);
  void write_reg(uint32_t addr, uint32_t value, uint32_t mask = 0xFFFFFFFF);
  // esptool's ROM write: FLASH_BEGIN with its erase size, 1 KiB blocks padded with FF.
  // Returns the first failing reply's status (e.g. "01 07"), or "00 00" when all succeeded.
  std::string write_flash(uint32_t offset, Bytes data);
};

std::string status_of(const Bytes& reply);  // "00 00", "01 05", ... ("none" if too short)
uint32_t value_of(const Bytes& reply);

}  // namespace t
