// The bytes inside a SLIP frame: command and response layout, opcodes, status codes and the
// data checksum of the ESP8266 ROM serial protocol (reference sections 2 and 3).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace rom {

enum Op : uint8_t {
  kFlashBegin = 0x02,
  kFlashData = 0x03,
  kFlashEnd = 0x04,
  kMemBegin = 0x05,
  kMemEnd = 0x06,
  kMemData = 0x07,
  kSync = 0x08,
  kWriteReg = 0x09,
  kReadReg = 0x0A,
  // Below: opcodes other loaders know and the ESP8266 ROM rejects.
  kSpiSetParams = 0x0B,
  kSpiAttach = 0x0D,
  kReadFlashSlow = 0x0E,
  kChangeBaudrate = 0x0F,
  kFlashDeflBegin = 0x10,
  kFlashDeflData = 0x11,
  kFlashDeflEnd = 0x12,
  kSpiFlashMd5 = 0x13,
  kGetSecurityInfo = 0x14,
  kEraseFlash = 0xD0,
  kEraseRegion = 0xD1,
  kReadFlash = 0xD2,
  kRunUserCode = 0xD3,
};

const char* op_name(uint8_t op);  // "FLASH_BEGIN", ..., "UNKNOWN"

// The second status byte when the first is 1 (reference section 2, "ROM error codes").
enum RomError : uint8_t {
  kErrBadMessage = 0x05,
  kErrFailedToAct = 0x06,
  kErrChecksum = 0x07,
  kErrFlashWrite = 0x08,
  kErrFlashRead = 0x09,
};

constexpr uint8_t kChecksumSeed = 0xEF;
// 0xEF XOR every byte: the FLASH_DATA/MEM_DATA checksum and the image footer checksum.
uint8_t rom_checksum(const uint8_t* data, size_t len, uint8_t state = kChecksumSeed);

constexpr uint32_t kSyncValue = 0x20120707;  // what the ROM puts in a SYNC reply's value field
constexpr size_t kHeaderLen = 8;              // direction, op, length u16, checksum/value u32
constexpr size_t kDataHeaderLen = 16;         // FLASH_DATA/MEM_DATA: len, seq, 0, 0

inline uint32_t get_le32(const uint8_t* p) {
  return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24;
}
inline void put_le32(uint8_t* p, uint32_t v) {
  p[0] = uint8_t(v);
  p[1] = uint8_t(v >> 8);
  p[2] = uint8_t(v >> 16);
  p[3] = uint8_t(v >> 24);
}

// A request frame, decoded. `data` points into the frame.
struct Command {
  uint8_t op;
  uint32_t checksum;
  const uint8_t* data;
  size_t len;
};

enum class ParseStatus {
  Ok,
  NotARequest,     // shorter than 8 bytes or direction byte != 0: ignored, as esptool does
  LengthMismatch,  // the length field disagrees with the bytes received
};
ParseStatus parse_command(const uint8_t* frame, size_t len, Command& cmd);

// The unescaped bytes of a request (a flasher's view; used by tests and tools).
std::vector<uint8_t> make_command(uint8_t op, const std::vector<uint8_t>& data, uint32_t checksum = 0);
// The unescaped bytes of an ESP8266 ROM response: 01 op len value, then the two status bytes.
std::vector<uint8_t> make_response(uint8_t op, uint32_t value, uint8_t status, uint8_t error);

}  // namespace rom
