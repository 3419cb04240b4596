#include "helpers.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "check.h"
#include "rom_erase.h"
#include "rom_slip.h"

namespace t {

Bytes hex(const char* text) {
  Bytes out;
  char* end = nullptr;
  for (const char* p = text; *p != '\0'; p = end) {
    const unsigned long v = std::strtoul(p, &end, 16);
    if (end == p) break;
    out.push_back(uint8_t(v));
  }
  return out;
}

Bytes words(std::initializer_list<uint32_t> ws) {
  Bytes out;
  for (uint32_t w : ws) {
    uint8_t b[4];
    rom::put_le32(b, w);
    out.insert(out.end(), b, b + 4);
  }
  return out;
}

Bytes repeat(uint8_t b, size_t n) { return Bytes(n, b); }

Bytes cat(const Bytes& a, const Bytes& b) {
  Bytes out = a;
  out.insert(out.end(), b.begin(), b.end());
  return out;
}

Bytes slip(const Bytes& raw) {
  Bytes out;
  rom::slip_encode(raw.data(), raw.size(), out);
  return out;
}

std::vector<Bytes> unslip(const Bytes& wire) {
  std::vector<Bytes> frames;
  rom::SlipDecoder decoder;
  for (uint8_t b : wire) {
    if (decoder.push(b) == rom::SlipDecoder::Event::Frame) frames.push_back(decoder.frame());
  }
  return frames;
}

TempDir::TempDir() {
  const char* base = std::getenv("TMPDIR");
  std::string pattern = std::string(base != nullptr && *base != '\0' ? base : "/tmp") + "/rom-tests-XXXXXX";
  if (mkdtemp(pattern.data()) == nullptr) {
    std::perror("mkdtemp");
    std::abort();
  }
  dir_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;  // a leftover temp dir is not worth failing a test run for
  std::filesystem::remove_all(dir_, ignored);
}

Bytes data_request(uint8_t op, uint32_t seq, const Bytes& data) {
  return data_request(op, seq, data, rom::rom_checksum(data.data(), data.size()));
}

Bytes data_request(uint8_t op, uint32_t seq, const Bytes& data, uint32_t checksum) {
  return rom::make_command(op, cat(words({uint32_t(data.size()), seq, 0, 0}), data), checksum);
}

Board::Board(rom::ChipIdentity chip) : rom(flash, chip) {
  if (!flash.open(dir.path("flash.bin").c_str())) {
    std::perror("FlashStore::open");
    std::abort();
  }
  rom.set_trace(&log);
}

std::vector<Bytes> Board::send(const Bytes& raw_request) {
  uart.bytes.clear();
  const Bytes wire = slip(raw_request);
  rom.receive(wire.data(), wire.size(), uart);
  return unslip(uart.bytes);
}

Bytes Board::exchange(const Bytes& raw_request) {
  const std::vector<Bytes> replies = send(raw_request);
  CHECK_EQ(replies.size(), size_t(1));
  return replies.size() == 1 ? replies[0] : Bytes{};
}

uint32_t Board::read_reg(uint32_t addr) {
  const Bytes reply = command(rom::kReadReg, words({addr}));
  CHECK_EQ(status_of(reply), "00 00");
  return value_of(reply);
}

void Board::write_reg(uint32_t addr, uint32_t value, uint32_t mask) {
  CHECK_EQ(status_of(command(rom::kWriteReg, words({addr, value, mask, 0}))), "00 00");
}

std::string Board::write_flash(uint32_t offset, Bytes data) {
  constexpr uint32_t kBlock = 0x400;
  data.resize((data.size() + 3) / 4 * 4, 0xFF);
  const uint32_t blocks = uint32_t((data.size() + kBlock - 1) / kBlock);
  const Bytes begin = command(rom::kFlashBegin,
                              words({rom::esptool_erase_size(offset, uint32_t(data.size())), blocks, kBlock, offset}));
  if (status_of(begin) != "00 00") return status_of(begin);
  for (uint32_t seq = 0; seq < blocks; ++seq) {
    Bytes block(data.begin() + seq * kBlock, data.begin() + std::min<size_t>(data.size(), (seq + 1) * kBlock));
    block.resize(kBlock, 0xFF);
    const Bytes reply = exchange(data_request(rom::kFlashData, seq, block));
    if (status_of(reply) != "00 00") return status_of(reply);
  }
  return "00 00";
}

std::string status_of(const Bytes& reply) {
  if (reply.size() < 10) return "none";
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02x %02x", reply[reply.size() - 2], reply[reply.size() - 1]);
  return buf;
}

uint32_t value_of(const Bytes& reply) { return reply.size() >= 8 ? rom::get_le32(reply.data() + 4) : 0; }

}  // namespace t
