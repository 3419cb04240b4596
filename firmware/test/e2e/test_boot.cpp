// Flash, ROM and reset wires: the board boots what its flash holds, halts on a bad image like the
// chip, answers the ROM protocol in download mode and boots what was flashed through it.
#include <chrono>
#include <string>
#include <vector>

#include "../../rom/rom_protocol.h"
#include "../../rom/rom_slip.h"
#include "e2e_support.h"
#include "hbtest.h"
#include "wait.h"

namespace {

const std::string kImage = std::string(HB_IMAGES_DIR) + "/test-image.bin";
const std::string kCorruptImage = std::string(HB_IMAGES_DIR) + "/test-image-corrupt.bin";

std::vector<uint8_t> le32s(std::initializer_list<uint32_t> words) {
  std::vector<uint8_t> out;
  for (uint32_t w : words) {
    for (int i = 0; i < 4; i++) out.push_back(static_cast<uint8_t>(w >> (8 * i)));
  }
  return out;
}

// Talks the ROM protocol over the node's serial port, as a flashing tool does.
class RomClient {
 public:
  explicit RomClient(hbtest::VirtualNodeMcu& node) : node_(node) {}

  // Sends one command; returns the replies (decoded frames) with that opcode that came back.
  std::vector<std::vector<uint8_t>> command(uint8_t op, const std::vector<uint8_t>& data, uint32_t checksum,
                                            size_t replies, int timeout_ms) {
    size_t mark = node_.received_bytes();
    std::vector<uint8_t> frame;
    std::vector<uint8_t> cmd = rom::make_command(op, data, checksum);
    rom::slip_encode(cmd.data(), cmd.size(), frame);
    node_.type(std::string(frame.begin(), frame.end()));
    std::vector<std::vector<uint8_t>> got;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    while (got.size() < replies && std::chrono::steady_clock::now() < deadline) {
      std::string bytes = node_.bytes_from(mark, 20);
      rom::SlipDecoder decoder;
      got.clear();
      for (char c : bytes) {
        if (decoder.push(static_cast<uint8_t>(c)) == rom::SlipDecoder::Event::Frame && decoder.frame().size() >= 10 &&
            decoder.frame()[0] == 0x01 && decoder.frame()[1] == op) {
          got.push_back(decoder.frame());
        }
      }
    }
    return got;
  }

  bool ok(uint8_t op, const std::vector<uint8_t>& data, uint32_t checksum = 0) {
    auto replies = command(op, data, checksum, 1, 3000);
    if (replies.empty()) return false;
    const std::vector<uint8_t>& r = replies[0];
    return r[r.size() - 2] == 0 && r[r.size() - 1] == 0;  // the ESP8266 ROM's two status bytes
  }

  // esptool's ROM-only write: FLASH_BEGIN, 1 KiB FLASH_DATA blocks padded with FF, FLASH_END.
  bool flash(const std::string& image, bool run) {
    const uint32_t block = 0x400;
    std::vector<uint8_t> data(image.begin(), image.end());
    data.resize((data.size() + 3) / 4 * 4, 0xFF);
    uint32_t blocks = static_cast<uint32_t>((data.size() + block - 1) / block);
    if (!ok(rom::kFlashBegin, le32s({static_cast<uint32_t>(data.size()), blocks, block, 0}))) return false;
    for (uint32_t seq = 0; seq < blocks; seq++) {
      std::vector<uint8_t> chunk(data.begin() + seq * block, data.begin() + std::min<size_t>(data.size(), (seq + 1) * block));
      chunk.resize(block, 0xFF);
      std::vector<uint8_t> payload = le32s({block, seq, 0, 0});
      payload.insert(payload.end(), chunk.begin(), chunk.end());
      if (!ok(rom::kFlashData, payload, rom::rom_checksum(chunk.data(), chunk.size()))) return false;
    }
    std::vector<uint8_t> end = le32s({run ? 1u : 0u});  // 1: run the user code; 0: reboot
    command(rom::kFlashEnd, end, 0, 1, 500);  // the ROM may leave before it answers
    return true;
  }

 private:
  hbtest::VirtualNodeMcu& node_;
};

}  // namespace

TEST(the_board_boots_the_flashed_image_and_reports_its_version) {
  std::string version = hbtest::version_record_of(kImage);
  REQUIRE(!version.empty());
  std::string flash = hbtest::temp_file("good-flash.bin");
  hbtest::copy_file(kImage, flash);
  hbtest::VirtualNodeMcu node({"--flash", flash});
  node.expect("boot mode:(3,6)", 3000);
  node.expect("HB boot device=esp-a1b2c3 fw=" + version + " boot=", 3000);
  node.type("version\r");
  node.expect("OK version fw=" + version, 2000);
  CHECK_HAS(node.control("status"), "ok mode=app boot=1 wifi=up version=" + version + " ");
}

TEST(a_corrupt_image_halts_the_chip_with_the_roms_csum_err) {
  std::string flash = hbtest::temp_file("corrupt-flash.bin");
  hbtest::copy_file(kCorruptImage, flash);
  hbtest::VirtualNodeMcu node({"--flash", flash});
  node.expect("csum err", 3000);
  CHECK_HAS(node.control("status"), "ok mode=halted boot=1 ");
  CHECK_HAS(node.control("reset run"), "ok reset run mode=halted");
  node.expect("csum err", 3000);
  CHECK_LACKS(node.transcript(), "HB boot");
}

TEST(an_empty_flash_given_on_the_command_line_is_a_flash_read_err) {
  hbtest::VirtualNodeMcu node({"--flash", hbtest::temp_file("empty-flash.bin")});
  node.expect("flash read err", 3000);
  CHECK_HAS(node.control("status"), "ok mode=halted boot=1 wifi=up version=none");
}

TEST(download_mode_accepts_a_flash_over_the_rom_protocol_and_boots_it) {
  std::string version = hbtest::version_record_of(kImage);
  hbtest::VirtualNodeMcu node({"--download", "--flash", hbtest::temp_file("rom-flash.bin")});
  CHECK_STR(node.mode_line(), "mode download");
  node.expect("boot mode:(1,6)", 3000);
  CHECK_HAS(node.control("status"), "ok mode=download boot=1 wifi=up version=none");

  RomClient rom(node);
  std::vector<uint8_t> sync = {0x07, 0x07, 0x12, 0x20};
  sync.insert(sync.end(), 32, 0x55);
  CHECK_EQ(rom.command(rom::kSync, sync, 0, 8, 3000).size(), static_cast<size_t>(8));
  auto magic = rom.command(rom::kReadReg, le32s({0x40001000}), 0, 1, 3000);
  REQUIRE(magic.size() == 1);
  CHECK_EQ(rom::get_le32(magic[0].data() + 4), 0xFFF0C101u);  // chip detection: an ESP8266
  REQUIRE(rom.flash(hbtest::read_file(kImage), true));

  node.expect("HB boot device=esp-a1b2c3 fw=" + version + " boot=", 3000);
  CHECK_HAS(node.control("status"), "ok mode=app boot=1 wifi=up version=" + version + " ");
  // A software restart repeats the boot mode latched at the last hard reset: back to the ROM,
  // as a real ESP8266 does after a serial flash (hence the flashing tools' final hard reset).
  node.type("reboot\r");
  node.expect("boot mode:(1,6)", 3000);
  CHECK_HAS(node.control("status"), "ok mode=download boot=2 ");
  CHECK_HAS(node.control("reset run"), "ok reset run mode=app");
  node.expect("HB boot device=esp-a1b2c3 fw=" + version + " boot=", 3000);
}

TEST(the_modem_lines_drive_reset_and_boot_mode_like_the_nodemcu_circuit) {
  hbtest::VirtualNodeMcu node({});
  node.expect("HB boot ", 3000);
  // esptool's classic reset into the bootloader: EN low, then EN high with IO0 low.
  CHECK_STR(node.control("lines dtr=0 rts=1"), "ok lines dtr=0 rts=1 en=low io0=high mode=reset");
  CHECK_STR(node.control("lines dtr=1 rts=0"), "ok lines dtr=1 rts=0 en=high io0=low mode=download");
  node.expect("boot mode:(1,6)", 3000);
  CHECK_STR(node.control("lines dtr=0 rts=0"), "ok lines dtr=0 rts=0 en=high io0=high mode=download");
  CHECK_STR(node.control("lines dtr=1 rts=1"), "ok lines dtr=1 rts=1 en=high io0=high mode=download");
  // The hard reset after flashing: RTS pulses EN with DTR off.
  CHECK_STR(node.control("lines dtr=0 rts=1"), "ok lines dtr=0 rts=1 en=low io0=high mode=reset");
  CHECK_STR(node.control("lines dtr=0 rts=0"), "ok lines dtr=0 rts=0 en=high io0=high mode=app");
  node.expect("HB boot ", 3000);
  CHECK_HAS(node.control("status"), "ok mode=app boot=3 ");
  CHECK_HAS(node.control("reset download"), "ok reset download mode=download");
  CHECK_HAS(node.control("reset run"), "ok reset run mode=app");
  CHECK_HAS(node.control("status"), " boot=5 ");
}

TEST(pace_baud_makes_the_serial_port_as_slow_as_a_uart) {
  hbtest::VirtualNodeMcu node({"--pace-baud", "9600"});
  node.expect("HB config ", 5000);
  auto start = std::chrono::steady_clock::now();
  node.type("help\r");
  node.expect("OK help", 5000);
  long ms = hbtest::elapsed_ms(start);
  // The help text is about 900 bytes: at 960 bytes/s, less a 128-byte FIFO burst, ~0.8 s.
  CHECK(ms >= 500);
}
