#include "rom_protocol.h"

#include <algorithm>

namespace rom {

const char* op_name(uint8_t op) {
  switch (op) {
    case kFlashBegin: return "FLASH_BEGIN";
    case kFlashData: return "FLASH_DATA";
    case kFlashEnd: return "FLASH_END";
    case kMemBegin: return "MEM_BEGIN";
    case kMemEnd: return "MEM_END";
    case kMemData: return "MEM_DATA";
    case kSync: return "SYNC";
    case kWriteReg: return "WRITE_REG";
    case kReadReg: return "READ_REG";
    case kSpiSetParams: return "SPI_SET_PARAMS";
    case kSpiAttach: return "SPI_ATTACH";
    case kReadFlashSlow: return "READ_FLASH_SLOW";
    case kChangeBaudrate: return "CHANGE_BAUDRATE";
    case kFlashDeflBegin: return "FLASH_DEFL_BEGIN";
    case kFlashDeflData: return "FLASH_DEFL_DATA";
    case kFlashDeflEnd: return "FLASH_DEFL_END";
    case kSpiFlashMd5: return "SPI_FLASH_MD5";
    case kGetSecurityInfo: return "GET_SECURITY_INFO";
    case kEraseFlash: return "ERASE_FLASH";
    case kEraseRegion: return "ERASE_REGION";
    case kReadFlash: return "READ_FLASH";
    case kRunUserCode: return "RUN_USER_CODE";
  }
  return "UNKNOWN";
}

uint8_t rom_checksum(const uint8_t* data, size_t len, uint8_t state) {
  for (size_t i = 0; i < len; ++i) state ^= data[i];
  return state;
}

ParseStatus parse_command(const uint8_t* frame, size_t len, Command& cmd) {
  if (len < kHeaderLen || frame[0] != 0x00) return ParseStatus::NotARequest;
  cmd.op = frame[1];
  const size_t declared = size_t(frame[2]) | size_t(frame[3]) << 8;
  cmd.checksum = get_le32(frame + 4);
  cmd.data = frame + kHeaderLen;
  cmd.len = len - kHeaderLen;
  return declared == cmd.len ? ParseStatus::Ok : ParseStatus::LengthMismatch;
}

std::vector<uint8_t> make_command(uint8_t op, const std::vector<uint8_t>& data, uint32_t checksum) {
  std::vector<uint8_t> out(kHeaderLen + data.size());
  out[0] = 0x00;
  out[1] = op;
  out[2] = uint8_t(data.size());
  out[3] = uint8_t(data.size() >> 8);
  put_le32(out.data() + 4, checksum);
  std::copy(data.begin(), data.end(), out.begin() + kHeaderLen);
  return out;
}

std::vector<uint8_t> make_response(uint8_t op, uint32_t value, uint8_t status, uint8_t error) {
  // The ESP8266 ROM sends 2 status bytes (ESP32-family ROMs send 4).
  std::vector<uint8_t> out{0x01, op, 0x02, 0x00, 0, 0, 0, 0, status, error};
  put_le32(out.data() + 4, value);
  return out;
}

}  // namespace rom
