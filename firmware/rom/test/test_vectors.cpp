// The byte vectors of the reference (sections 2 and 8), byte for byte on the wire.
#include "check.h"
#include "helpers.h"
#include "rom_erase.h"
#include "rom_registers.h"

using t::Bytes;
using t::hex;

namespace {
const Bytes kSlipVector = hex("db 61 62 63 c0 db 64 65 c0 66 db");
const Bytes kSyncPayload = t::cat(hex("07 07 12 20"), t::repeat(0x55, 32));
}  // namespace

TEST(vector_checksum_of_the_slip_vector_is_0x33) {
  CHECK_EQ(rom::rom_checksum(kSlipVector.data(), kSlipVector.size()), uint8_t(0x33));
}

TEST(vector_flash_data_frame_of_the_slip_vector) {
  // esp-serial-flasher's "SLIP is encoded correctly": FLASH_DATA seq 0 with the vector as data.
  const Bytes expected = hex(
      "c0 00 03 1b 00 33 00 00 00 0b 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00"
      " db dd 61 62 63 db dc db dd 64 65 db dc 66 db dd c0");
  CHECK_EQ(t::slip(t::data_request(rom::kFlashData, 0, kSlipVector)), expected);

  // ... and the ROM takes it: checksum 0x33 accepted, the 11 bytes land in flash.
  t::Board board;
  CHECK_EQ(t::status_of(board.command(rom::kFlashBegin, t::words({0x1000, 1, 0x400, 0x2000}))), "00 00");
  const std::vector<Bytes> replies = board.send(t::data_request(rom::kFlashData, 0, kSlipVector));
  CHECK_EQ(replies.size(), size_t(1));
  if (!replies.empty()) CHECK_EQ(replies[0], hex("01 03 02 00 00 00 00 00 00 00"));
  CHECK_EQ(Bytes(board.flash.data() + 0x2000, board.flash.data() + 0x2000 + kSlipVector.size()), kSlipVector);
}

TEST(vector_sync_frame_is_46_bytes) {
  const Bytes wire = t::slip(rom::make_command(rom::kSync, kSyncPayload));
  CHECK_EQ(wire.size(), size_t(46));
  CHECK_EQ(wire, t::cat(t::cat(hex("c0 00 08 24 00 00 00 00 00 07 07 12 20"), t::repeat(0x55, 32)), hex("c0")));
}

TEST(vector_sync_gets_eight_identical_replies) {
  t::Board board;
  const Bytes wire = t::slip(rom::make_command(rom::kSync, kSyncPayload));
  board.rom.receive(wire.data(), wire.size(), board.uart);
  Bytes expected;
  for (int i = 0; i < 8; ++i) expected = t::cat(expected, hex("c0 01 08 02 00 07 07 12 20 00 00 c0"));
  CHECK_EQ(board.uart.bytes, expected);
}

TEST(vector_read_reg_chip_magic_on_the_wire) {
  const Bytes request = rom::make_command(rom::kReadReg, t::words({rom::reg::kChipMagic}));
  CHECK_EQ(t::slip(request), hex("c0 00 0a 04 00 00 00 00 00 00 10 00 40 c0"));
  t::Board board;
  const Bytes wire = t::slip(request);
  board.rom.receive(wire.data(), wire.size(), board.uart);
  CHECK_EQ(board.uart.bytes, hex("c0 01 0a 02 00 01 c1 f0 ff 00 00 c0"));
}

TEST(vector_read_reg_value_0xc0bd_is_escaped) {
  // esp-serial-flasher's "Received response (in SLIP format) is decoded correctly".
  t::Board board;
  board.write_reg(0x60000100, 0xC0BD);
  const Bytes wire = t::slip(rom::make_command(rom::kReadReg, t::words({0x60000100})));
  board.uart.bytes.clear();
  board.rom.receive(wire.data(), wire.size(), board.uart);
  CHECK_EQ(board.uart.bytes, hex("c0 01 0a 02 00 bd db dc 00 00 00 00 c0"));
  const std::vector<Bytes> frames = t::unslip(board.uart.bytes);
  CHECK_EQ(frames.size(), size_t(1));
  if (!frames.empty()) CHECK_EQ(t::value_of(frames[0]), uint32_t(0xC0BD));
}

TEST(vector_esp8266_connect_script) {
  // How a flasher meets an ESP8266 ROM: 8 SYNC replies, GET_SECURITY_INFO refused (01 05), the
  // chip magic, then FLASH_BEGIN(0, 0) in place of SPI_ATTACH.
  t::Board board;
  CHECK_EQ(board.send(rom::make_command(rom::kSync, kSyncPayload)).size(), size_t(8));
  const Bytes security = board.command(rom::kGetSecurityInfo, {});
  CHECK_EQ(security, hex("01 14 02 00 00 00 00 00 01 05"));
  CHECK_EQ(board.read_reg(rom::reg::kChipMagic), uint32_t(0xFFF0C101));
  CHECK_EQ(board.command(rom::kFlashBegin, t::words({0, 0, 0x400, 0})), hex("01 02 02 00 00 00 00 00 00 00"));
  CHECK(!board.rom.leave_requested());
}

TEST(vector_erase_size_examples) {
  // Reference section 3: (offset, size) -> what esptool sends.
  CHECK_EQ(rom::esptool_erase_size(0, 0x10000), uint32_t(0x8000));
  CHECK_EQ(rom::esptool_erase_size(0, 0x14000), uint32_t(0xA000));
  CHECK_EQ(rom::esptool_erase_size(0x3000, 0x8000), uint32_t(0x4000));
}
