// READ_REG/WRITE_REG: detection registers, OTP, and the SPI user command that reads the flash id.
#include "check.h"
#include "helpers.h"
#include "rom_registers.h"

namespace reg = rom::reg;

namespace {

// esptool's run_spiflash_command for the ESP8266, register by register.
uint32_t run_spiflash_command(t::Board& board, uint8_t command, uint32_t read_bits) {
  const uint32_t old_usr = board.read_reg(reg::kSpiUsr), old_usr2 = board.read_reg(reg::kSpiUsr2);
  uint32_t flags = 1u << 31;  // USR_COMMAND
  if (read_bits > 0) flags |= reg::kSpiUsrMiso;
  board.write_reg(reg::kSpiUsr1, (read_bits > 0 ? read_bits - 1 : 0) << reg::kSpiUsr1MisoBitlenShift);
  board.write_reg(reg::kSpiUsr, flags);
  board.write_reg(reg::kSpiUsr2, (7u << 28) | command);
  board.write_reg(reg::kSpiW0, 0);
  board.write_reg(reg::kSpiCmd, reg::kSpiCmdUsr);
  CHECK_EQ(board.read_reg(reg::kSpiCmd) & reg::kSpiCmdUsr, uint32_t(0));  // done at once
  const uint32_t status = board.read_reg(reg::kSpiW0);
  board.write_reg(reg::kSpiUsr, old_usr);
  board.write_reg(reg::kSpiUsr2, old_usr2);
  return status;
}

}  // namespace

TEST(registers_detection_table) {
  t::Board board;
  CHECK_EQ(board.read_reg(0x40001000), uint32_t(0xFFF0C101));  // esptool 3+
  CHECK_EQ(board.read_reg(0x60000078), uint32_t(0x00062000));  // esptool 2.x, old ports
  CHECK_EQ(board.read_reg(0x60000014), uint32_t(451));         // UART divider
  CHECK_EQ(board.read_reg(0x3FF00050), uint32_t(0xC3000000));
  CHECK_EQ(board.read_reg(0x3FF00054), uint32_t(0x0000A1B2));
  CHECK_EQ(board.read_reg(0x3FF00058), uint32_t(0));
  CHECK_EQ(board.read_reg(0x3FF0005C), uint32_t(0));
  CHECK_EQ(board.read_reg(0x60000300), uint32_t(0));           // anything else
}

TEST(registers_crystal_estimate_is_26mhz_at_115200) {
  t::Board board;
  const double mhz = (board.read_reg(0x60000014) & 0xFFFFF) * 115200.0 / 1e6 / 2;
  CHECK(mhz > 25.5 && mhz < 26.5);
}

TEST(registers_written_values_read_back_with_mask) {
  t::Board board;
  board.write_reg(0x60000120, 0x12345678);
  CHECK_EQ(board.read_reg(0x60000120), uint32_t(0x12345678));
  board.write_reg(0x60000120, 0xFFFFFFFF, 0x0000FF00);
  CHECK_EQ(board.read_reg(0x60000120), uint32_t(0x1234FF78));
  board.write_reg(0x60000014, 100);  // the UART divider is an ordinary register too
  CHECK_EQ(board.read_reg(0x60000014), uint32_t(100));
}

TEST(registers_rom_and_otp_ignore_writes) {
  t::Board board;
  board.write_reg(0x40001000, 0);
  board.write_reg(0x3FF00050, 0);
  CHECK_EQ(board.read_reg(0x40001000), uint32_t(0xFFF0C101));
  CHECK_EQ(board.read_reg(0x3FF00050), uint32_t(0xC3000000));
}

TEST(registers_write_reg_takes_several_groups_in_one_command) {
  t::Board board;
  const t::Bytes two = t::words({0x60000130, 1, 0xFFFFFFFF, 0, 0x60000134, 2, 0xFFFFFFFF, 0});
  CHECK_EQ(t::status_of(board.command(rom::kWriteReg, two)), "00 00");
  CHECK_EQ(board.read_reg(0x60000130), uint32_t(1));
  CHECK_EQ(board.read_reg(0x60000134), uint32_t(2));
  CHECK_EQ(t::status_of(board.command(rom::kWriteReg, t::words({0x60000130, 1, 0xFFFFFFFF}))), "01 05");
  CHECK_EQ(t::status_of(board.command(rom::kReadReg, t::words({1, 2}))), "01 05");
}

TEST(registers_rdid_gives_the_flash_id) {
  t::Board board;
  const uint32_t id = run_spiflash_command(board, 0x9F, 24);
  CHECK_EQ(id, uint32_t(0x001640EF));
  // esptool's flash_id printout: manufacturer ef, device 4016, 4MB.
  CHECK_EQ(id & 0xFF, uint32_t(0xEF));
  CHECK_EQ(((id >> 8) & 0xFF) << 8 | ((id >> 16) & 0xFF), uint32_t(0x4016));
}

TEST(registers_other_flash_commands) {
  t::Board board;
  CHECK_EQ(run_spiflash_command(board, 0x5A, 32), uint32_t(0xFFFFFFFF));  // SFDP: none
  CHECK_EQ(run_spiflash_command(board, 0x05, 8), uint32_t(0));            // RDSR: idle
  CHECK_EQ(run_spiflash_command(board, 0x35, 8), uint32_t(0));            // RDSR2
  CHECK_EQ(run_spiflash_command(board, 0x06, 0), uint32_t(0));            // WREN: nothing read
  CHECK_EQ(run_spiflash_command(board, 0x9F, 16), uint32_t(0x40EF));      // fewer bits, fewer bytes
}

TEST(registers_flash_id_follows_the_chip_identity) {
  rom::ChipIdentity chip = rom::default_chip();
  chip.flash_id = 0x00144020;  // XMC 1 MB
  t::Board board(chip);
  CHECK_EQ(run_spiflash_command(board, 0x9F, 24), uint32_t(0x00144020));
}

TEST(registers_are_forgotten_at_reset) {
  t::Board board;
  board.write_reg(0x60000120, 7);
  board.rom.reset();
  CHECK_EQ(board.read_reg(0x60000120), uint32_t(0));
}
