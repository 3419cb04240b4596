// The download-mode protocol end to end: flash sessions, their failure paths, framing robustness.
#include "check.h"
#include "helpers.h"
#include "rom_erase.h"
#include "rom_image.h"
#include "rom_registers.h"

using t::Bytes;
using t::hex;
using t::words;

namespace {

const Bytes kSync = rom::make_command(rom::kSync, t::cat(hex("07 07 12 20"), t::repeat(0x55, 32)));

Bytes test_image(const std::string& version) {
  rom::ImageSpec spec;
  spec.entry = 0x40100000;
  spec.segments.push_back({0x40100000, {0x06, 0xFF, 0xFF, 0x00}});
  const std::string record = "HILBENCH-FW:" + version + '\0';
  spec.segments.push_back({0x3FFE8000, Bytes(record.begin(), record.end())});
  spec.segments.push_back({0x3FFF0000, Bytes(3000, 0x5A)});  // makes it span several 1 KiB blocks
  return rom::build_image(spec);
}

Bytes begin(uint32_t erase, uint32_t blocks, uint32_t block_size, uint32_t offset) {
  return rom::make_command(rom::kFlashBegin, words({erase, blocks, block_size, offset}));
}

std::string status(t::Board& board, const Bytes& request) { return t::status_of(board.exchange(request)); }

// Every reply for a whole wire, fed in chunks of `chunk` bytes (0 = all at once).
std::vector<Bytes> replies_for(const Bytes& wire, size_t chunk, t::Board& board) {
  board.uart.bytes.clear();
  if (chunk == 0) chunk = wire.size();
  for (size_t i = 0; i < wire.size(); i += chunk) {
    board.rom.receive(wire.data() + i, std::min(chunk, wire.size() - i), board.uart);
  }
  return t::unslip(board.uart.bytes);
}

}  // namespace

TEST(bootloader_flash_round_trip_then_boot) {
  t::Board board;
  const Bytes image = test_image("round-trip-1");
  CHECK_EQ(board.send(kSync).size(), size_t(8));
  CHECK_EQ(board.write_flash(0, image), "00 00");
  CHECK(!board.rom.leave_requested());  // esptool sends no FLASH_END: still in the loader
  CHECK_EQ(board.command(rom::kFlashEnd, words({1})), hex("01 04 02 00 00 00 00 00 00 00"));
  CHECK(board.rom.leave_requested());
  CHECK(board.rom.leave_reason() == rom::LeaveReason::RunUserCode);

  // What the board boots, and what the file keeps.
  const rom::BootResult r = rom::inspect_image(board.flash);
  CHECK(r.ok);
  CHECK_EQ(r.version, "round-trip-1");
  rom::FlashStore reopened;
  CHECK(reopened.open(board.dir.path("flash.bin").c_str()));
  CHECK_EQ(Bytes(reopened.data(), reopened.data() + image.size()), image);
  CHECK_EQ(reopened.data()[0x1000], uint8_t(0xFF));  // padding of the last block, then erased flash
}

TEST(bootloader_flash_end_takes_a_one_byte_payload) {
  t::Board board;
  CHECK_EQ(status(board, rom::make_command(rom::kFlashEnd, hex("01"))), "00 00");  // espflash's form
  CHECK(board.rom.leave_requested());
}

TEST(bootloader_flash_end_reboot_comes_back_in_download_mode) {
  t::Board board;
  board.write_reg(0x60000120, 5);
  CHECK_EQ(status(board, rom::make_command(rom::kFlashEnd, words({0}))), "00 00");
  CHECK(!board.rom.leave_requested());
  CHECK_EQ(board.read_reg(0x60000120), uint32_t(0));  // a reboot forgets register writes
  CHECK_EQ(board.send(kSync).size(), size_t(8));
  CHECK_EQ(status(board, rom::make_command(rom::kFlashEnd, hex("00 00"))), "01 05");  // 2 bytes: neither form
}

TEST(bootloader_ignores_input_after_leaving_until_reset) {
  t::Board board;
  CHECK_EQ(status(board, rom::make_command(rom::kFlashEnd, words({1}))), "00 00");
  CHECK(board.send(kSync).empty());
  board.rom.reset();
  CHECK(!board.rom.leave_requested());
  CHECK_EQ(board.send(kSync).size(), size_t(8));
}

TEST(bootloader_stops_answering_mid_buffer_when_it_leaves) {
  t::Board board;
  const Bytes wire = t::cat(t::slip(rom::make_command(rom::kFlashEnd, words({1}))), t::slip(kSync));
  CHECK_EQ(replies_for(wire, 0, board).size(), size_t(1));  // the FLASH_END reply only
}

TEST(bootloader_bad_checksum_is_01_07_and_the_block_can_be_resent) {
  t::Board board;
  CHECK_EQ(status(board, begin(0x1000, 2, 0x400, 0)), "00 00");
  const Bytes block(0x400, 0x42);
  const uint8_t right = rom::rom_checksum(block.data(), block.size());
  CHECK_EQ(status(board, t::data_request(rom::kFlashData, 0, block, right ^ 0x01)), "01 07");
  CHECK(board.log.text().find("checksum") != std::string::npos);
  CHECK_EQ(board.flash.data()[0], uint8_t(0xFF));  // nothing written
  CHECK_EQ(status(board, t::data_request(rom::kFlashData, 0, block)), "00 00");
  CHECK_EQ(board.flash.data()[0], uint8_t(0x42));
}

TEST(bootloader_sequence_errors_are_01_05) {
  t::Board board;
  CHECK_EQ(status(board, begin(0x1000, 2, 0x400, 0)), "00 00");
  const Bytes block(0x400, 0x11);
  CHECK_EQ(status(board, t::data_request(rom::kFlashData, 1, block)), "01 05");  // skipped seq 0
  CHECK_EQ(status(board, t::data_request(rom::kFlashData, 0, block)), "00 00");
  CHECK_EQ(status(board, t::data_request(rom::kFlashData, 0, block)), "01 05");  // repeated
  CHECK_EQ(status(board, t::data_request(rom::kFlashData, 1, block)), "00 00");
  CHECK_EQ(status(board, t::data_request(rom::kFlashData, 2, block)), "01 05");  // past the 2 blocks
}

TEST(bootloader_block_size_and_length_errors_are_01_05) {
  t::Board board;
  CHECK_EQ(status(board, begin(0x1000, 2, 0x400, 0)), "00 00");
  CHECK_EQ(status(board, t::data_request(rom::kFlashData, 0, Bytes(0x401, 0))), "01 05");  // over block size
  Bytes lying = t::data_request(rom::kFlashData, 0, Bytes(0x10, 0));
  rom::put_le32(lying.data() + rom::kHeaderLen, 0x20);  // size word says 32, 16 bytes follow
  CHECK_EQ(status(board, lying), "01 05");
  CHECK_EQ(status(board, rom::make_command(rom::kFlashData, Bytes(8, 0))), "01 05");  // no data header
}

TEST(bootloader_flash_data_without_begin_is_01_06) {
  t::Board board;
  CHECK_EQ(status(board, t::data_request(rom::kFlashData, 0, Bytes(0x400, 0))), "01 06");
}

TEST(bootloader_flash_begin_refusals) {
  t::Board board;
  CHECK_EQ(status(board, begin(0x1000, 1, 0x400, 0x800)), "01 06");  // not sector-aligned
  CHECK_EQ(status(board, begin(0x2000, 8, 0x400, (4u << 20) - 0x1000)), "01 06");  // past the end
  // ESP32-S2+ form with a 5th word: the ESP8266 ROM does not take it.
  CHECK_EQ(status(board, rom::make_command(rom::kFlashBegin, words({0x1000, 1, 0x400, 0, 0}))), "01 05");
}

TEST(bootloader_write_past_the_flash_end_is_01_08) {
  t::Board board;
  CHECK_EQ(status(board, begin(0x1000, 8, 0x400, (4u << 20) - 0x1000)), "00 00");
  for (uint32_t seq = 0; seq < 4; ++seq) CHECK_EQ(status(board, t::data_request(rom::kFlashData, seq, Bytes(0x400, 0))), "00 00");
  CHECK_EQ(status(board, t::data_request(rom::kFlashData, 4, Bytes(0x400, 0))), "01 08");
}

TEST(bootloader_unsupported_opcodes_are_01_05) {
  t::Board board;
  const uint8_t ops[] = {0x0B, 0x0D, 0x0E, 0x0F, 0x10, 0x11, 0x12, 0x13, 0x14, 0xD0, 0xD1, 0xD2, 0xD3, 0x42, 0x00};
  for (uint8_t op : ops) {
    const Bytes reply = board.command(op, words({0, 0}));
    CHECK_EQ(reply, Bytes({0x01, op, 0x02, 0x00, 0, 0, 0, 0, 0x01, 0x05}));
  }
  CHECK(!board.rom.leave_requested());
}

TEST(bootloader_malformed_requests) {
  t::Board board;
  Bytes wrong_length = rom::make_command(rom::kReadReg, words({0x40001000}));
  wrong_length[2] = 8;  // says 8 data bytes, 4 follow
  CHECK_EQ(board.exchange(wrong_length), hex("01 0a 02 00 00 00 00 00 01 05"));
  CHECK(board.send(hex("00 08 00")).empty());                       // shorter than a header
  CHECK(board.send(hex("01 0a 04 00 00 00 00 00 00 10 00 40")).empty());  // a response, not a request
  CHECK_EQ(status(board, rom::make_command(rom::kSync, Bytes(36, 0x55))), "01 05");  // bad SYNC payload
}

TEST(bootloader_junk_between_frames_is_ignored) {
  t::Board board;
  const Bytes read_magic = rom::make_command(rom::kReadReg, words({0x40001000}));
  const Bytes wire = t::cat(t::cat(t::cat(hex("20 65 74 73 0d 0a ff"), t::slip(kSync)), hex("00 55 aa")),
                            t::cat(t::slip(read_magic), hex("13 37")));
  const std::vector<Bytes> replies = replies_for(wire, 0, board);
  CHECK_EQ(replies.size(), size_t(9));
  if (replies.size() == 9) CHECK_EQ(t::value_of(replies[8]), uint32_t(0xFFF0C101));
}

TEST(bootloader_same_replies_whatever_the_split) {
  // A whole flashing session as one wire: byte by byte, in odd chunks and in one receive() call.
  const Bytes image = test_image("split");
  Bytes wire = t::slip(kSync);
  wire = t::cat(wire, t::slip(rom::make_command(rom::kReadReg, words({0x40001000}))));
  const uint32_t blocks = uint32_t((image.size() + 0x3FF) / 0x400);
  wire = t::cat(wire, t::slip(begin(rom::esptool_erase_size(0, uint32_t(image.size())), blocks, 0x400, 0)));
  for (uint32_t seq = 0; seq < blocks; ++seq) {
    Bytes block(image.begin() + seq * 0x400, image.begin() + std::min<size_t>(image.size(), (seq + 1) * 0x400));
    block.resize(0x400, 0xFF);
    wire = t::cat(wire, t::slip(t::data_request(rom::kFlashData, seq, block)));
  }
  wire = t::cat(wire, t::slip(rom::make_command(rom::kFlashEnd, words({1}))));

  t::Board whole, bytewise, chunked;
  const std::vector<Bytes> expected = replies_for(wire, 0, whole);
  CHECK_EQ(expected.size(), size_t(8 + 1 + 1 + blocks + 1));
  for (const Bytes& r : expected) CHECK_EQ(t::status_of(r), "00 00");
  CHECK(replies_for(wire, 1, bytewise) == expected);
  CHECK(replies_for(wire, 7, chunked) == expected);
  for (t::Board* b : {&whole, &bytewise, &chunked}) {
    CHECK(b->rom.leave_requested());
    CHECK_EQ(rom::inspect_image(b->flash).version, "split");
  }
}

TEST(bootloader_mem_upload_and_run) {
  // esptool's stub upload pattern: MEM_BEGIN/MEM_DATA per segment, MEM_END(0, entry).
  t::Board board;
  const Bytes text(0x1900, 0x33);
  CHECK_EQ(status(board, rom::make_command(rom::kMemBegin, words({0x1900, 2, 0x1800, 0x4010C500}))), "00 00");
  CHECK_EQ(status(board, t::data_request(rom::kMemData, 0, Bytes(text.begin(), text.begin() + 0x1800))), "00 00");
  CHECK_EQ(status(board, t::data_request(rom::kMemData, 1, Bytes(text.begin() + 0x1800, text.end()))), "00 00");
  CHECK_EQ(status(board, t::data_request(rom::kMemData, 1, Bytes(4, 0), 0)), "01 07");
  CHECK_EQ(status(board, rom::make_command(rom::kMemEnd, words({1, 0}))), "00 00");  // stay
  CHECK(!board.rom.leave_requested());
  CHECK_EQ(status(board, rom::make_command(rom::kMemEnd, words({0, 0x4010C504}))), "00 00");
  CHECK(board.rom.leave_reason() == rom::LeaveReason::RunRam);
  CHECK_EQ(board.rom.ram_entry(), uint32_t(0x4010C504));
}

TEST(bootloader_mem_refusals) {
  t::Board board;
  CHECK_EQ(status(board, rom::make_command(rom::kMemBegin, words({0x100, 1, 0x1800, 0x40200000}))), "01 05");
  CHECK_EQ(status(board, t::data_request(rom::kMemData, 0, Bytes(4, 0))), "01 06");  // no MEM_BEGIN
  CHECK_EQ(status(board, rom::make_command(rom::kMemEnd, words({0}))), "01 05");       // 4 bytes, not 8
}

TEST(bootloader_trace_names_each_command) {
  t::Board board;
  board.send(kSync);
  board.read_reg(rom::reg::kChipMagic);
  board.command(rom::kSpiFlashMd5, words({0, 0x1000, 0, 0}));
  const std::string log = board.log.text();
  CHECK(log.find("rom: SYNC: 8 replies\n") != std::string::npos);
  CHECK(log.find("rom: READ_REG 0x40001000 = 0xfff0c101\n") != std::string::npos);
  CHECK(log.find("SPI_FLASH_MD5 (0x13): not supported") != std::string::npos);
  CHECK(log.find("-> 01 05 (bad message)") != std::string::npos);
}
