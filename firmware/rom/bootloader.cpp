// The ESP8266 ROM's download mode: one handler per command, replies with 2 status bytes.
#include <cstdarg>
#include <cstdio>
#include <cstring>

#include "rom.h"
#include "rom_erase.h"
#include "rom_protocol.h"

namespace rom {

namespace {

constexpr int kSyncReplies = 8;  // esptool reads 1 + 7, esp-serial-flasher expects exactly 8
constexpr size_t kSyncLen = 36;  // 07 07 12 20 + 32 x 55
constexpr size_t kBeginLen = 16;
constexpr size_t kRegWriteLen = 16;  // addr, value, mask, delay_us

constexpr uint8_t kOk = 0;

bool sync_payload_ok(const uint8_t* data, size_t len) {
  static const uint8_t head[4] = {0x07, 0x07, 0x12, 0x20};
  if (len != kSyncLen || std::memcmp(data, head, 4) != 0) return false;
  for (size_t i = 4; i < len; ++i) {
    if (data[i] != 0x55) return false;
  }
  return true;
}

const char* error_name(uint8_t error) {
  switch (error) {
    case kErrBadMessage: return "bad message";
    case kErrFailedToAct: return "failed to act";
    case kErrChecksum: return "checksum error";
    case kErrFlashWrite: return "flash write error";
    case kErrFlashRead: return "flash read error";
    default: return "error";
  }
}

}  // namespace

Bootloader::Bootloader(FlashStore& flash, ChipIdentity chip) : flash_(flash), regs_(chip) {}

void Bootloader::reset() {
  slip_.reset();
  regs_.reset();
  ram_.reset();
  flash_xfer_ = Transfer{};
  mem_xfer_ = Transfer{};
  leave_ = LeaveReason::None;
  reboot_pending_ = false;
  ram_entry_ = 0;
}

void Bootloader::receive(const uint8_t* data, size_t len, ByteSink& out) {
  for (size_t i = 0; i < len && !leave_requested(); ++i) {
    switch (slip_.push(data[i])) {
      case SlipDecoder::Event::Frame:
        handle_frame(slip_.frame().data(), slip_.frame().size(), out);
        break;
      case SlipDecoder::Event::BadEscape:
        trace("dropped a frame: 0xDB not followed by 0xDC or 0xDD");
        break;
      case SlipDecoder::Event::Overflow:
        trace("dropped a frame longer than %zu bytes", SlipDecoder::kMaxFrame);
        break;
      case SlipDecoder::Event::None:
        break;
    }
    if (reboot_pending_) {
      // The chip reboots; the boot mode strapping was latched at the last hardware reset, so it
      // comes back in download mode (why ESP.restart() after a serial flash hangs on a real board).
      reset();
      trace("rebooted into the ROM (download mode)");
    }
  }
}

void Bootloader::handle_frame(const uint8_t* frame, size_t len, ByteSink& out) {
  Command cmd{};
  switch (parse_command(frame, len, cmd)) {
    case ParseStatus::NotARequest:
      trace("ignored a %zu-byte frame that is not a request", len);
      return;
    case ParseStatus::LengthMismatch:
      trace("%s: length field disagrees with the %zu data bytes received", op_name(cmd.op), cmd.len);
      send_reply(out, cmd.op, Result{kErrBadMessage, 0}, 1);
      return;
    case ParseStatus::Ok:
      break;
  }

  Result result{kErrBadMessage, 0};
  int copies = 1;
  switch (cmd.op) {
    case kSync:
      result = on_sync(cmd.data, cmd.len);
      if (result.error == kOk) copies = kSyncReplies;
      break;
    case kReadReg: result = on_read_reg(cmd.data, cmd.len); break;
    case kWriteReg: result = on_write_reg(cmd.data, cmd.len); break;
    case kFlashBegin: result = on_flash_begin(cmd.data, cmd.len); break;
    case kFlashData: result = on_flash_data(cmd.data, cmd.len, cmd.checksum); break;
    case kFlashEnd: result = on_flash_end(cmd.data, cmd.len); break;
    case kMemBegin: result = on_mem_begin(cmd.data, cmd.len); break;
    case kMemData: result = on_mem_data(cmd.data, cmd.len, cmd.checksum); break;
    case kMemEnd: result = on_mem_end(cmd.data, cmd.len); break;
    default:
      // Stub-only and other chips' commands: the ESP8266 ROM rejects them as a bad message.
      trace("%s (0x%02X): not supported by the ESP8266 ROM", op_name(cmd.op), cmd.op);
      break;
  }
  send_reply(out, cmd.op, result, copies);
}

Bootloader::Result Bootloader::on_sync(const uint8_t* data, size_t len) {
  if (!sync_payload_ok(data, len)) {
    trace("SYNC: payload is not 07 07 12 20 + 32 x 55");
    return {kErrBadMessage, 0};
  }
  trace("SYNC: %d replies", kSyncReplies);
  return {kOk, kSyncValue};
}

Bootloader::Result Bootloader::on_read_reg(const uint8_t* data, size_t len) {
  if (len != 4) {
    trace("READ_REG: %zu data bytes, expected 4", len);
    return {kErrBadMessage, 0};
  }
  const uint32_t addr = get_le32(data);
  const uint32_t value = regs_.read(addr);
  trace("READ_REG 0x%08x = 0x%08x", addr, value);
  return {kOk, value};
}

Bootloader::Result Bootloader::on_write_reg(const uint8_t* data, size_t len) {
  if (len == 0 || len % kRegWriteLen != 0) {
    trace("WRITE_REG: %zu data bytes, expected groups of 16", len);
    return {kErrBadMessage, 0};
  }
  for (size_t i = 0; i < len; i += kRegWriteLen) {
    const uint32_t addr = get_le32(data + i), value = get_le32(data + i + 4), mask = get_le32(data + i + 8);
    regs_.write(addr, value, mask);  // the delay (data + 12) costs nothing here
    trace("WRITE_REG 0x%08x = 0x%08x (mask 0x%08x)", addr, value, mask);
  }
  return {kOk, 0};
}

Bootloader::Result Bootloader::on_flash_begin(const uint8_t* data, size_t len) {
  if (len != kBeginLen) {
    // A 5th word is only for ESP32-S2 and later ROMs: a flasher sending it took us for another chip.
    trace("FLASH_BEGIN: %zu data bytes, the ESP8266 ROM takes 16", len);
    return {kErrBadMessage, 0};
  }
  const uint32_t erase_size = get_le32(data), blocks = get_le32(data + 4), block_size = get_le32(data + 8),
                 offset = get_le32(data + 12);
  const EraseRange range = rom_erase_range(offset, erase_size, uint32_t(flash_.size()));
  if (!range.ok) {
    trace("FLASH_BEGIN: cannot erase 0x%x bytes at 0x%x (not sector-aligned or past the %zu-byte flash)",
          erase_size, offset, flash_.size());
    return {kErrFailedToAct, 0};
  }
  flash_.erase(range.first_sector * kSectorSize, range.sectors * kSectorSize);
  flash_xfer_ = Transfer{true, offset, blocks, block_size, 0};
  trace("FLASH_BEGIN at 0x%x: %u blocks of %u; erase size 0x%x erased %u sectors from 0x%x", offset, blocks,
        block_size, erase_size, range.sectors, range.first_sector * kSectorSize);
  return {kOk, 0};
}

uint8_t Bootloader::check_block(const char* what, const uint8_t* data, size_t len, uint32_t checksum,
                                const Transfer& xfer, DataBlock& block) {
  if (len < kDataHeaderLen || get_le32(data) != len - kDataHeaderLen) {
    trace("%s: size word disagrees with the %zu bytes received", what, len < kDataHeaderLen ? 0 : len - kDataHeaderLen);
    return kErrBadMessage;
  }
  const uint32_t size = get_le32(data), seq = get_le32(data + 4);
  const uint8_t computed = rom_checksum(data + kDataHeaderLen, size);
  if (checksum != computed) {
    trace("%s seq %u: checksum 0x%02x sent, data gives 0x%02x", what, seq, checksum, computed);
    return kErrChecksum;
  }
  if (!xfer.active) {
    trace("%s seq %u: no transfer begun", what, seq);
    return kErrFailedToAct;
  }
  if (seq != xfer.next_seq || seq >= xfer.blocks) {
    trace("%s: seq %u, expected %u (of %u blocks)", what, seq, xfer.next_seq, xfer.blocks);
    return kErrBadMessage;
  }
  if (size > xfer.block_size) {
    trace("%s seq %u: %u bytes in a block of %u", what, seq, size, xfer.block_size);
    return kErrBadMessage;
  }
  const uint64_t addr = uint64_t(xfer.offset) + uint64_t(seq) * xfer.block_size;
  if (addr > UINT32_MAX) {
    trace("%s seq %u: address 0x%llx is beyond 32 bits", what, seq, static_cast<unsigned long long>(addr));
    return kErrBadMessage;
  }
  block = DataBlock{uint32_t(addr), data + kDataHeaderLen, size};
  return kOk;
}

Bootloader::Result Bootloader::on_flash_data(const uint8_t* data, size_t len, uint32_t checksum) {
  DataBlock block{};
  const uint8_t error = check_block("FLASH_DATA", data, len, checksum, flash_xfer_, block);
  if (error != kOk) return {error, 0};
  // Read back and compare, as the ROM does: a block written over bits that were not erased
  // (too small an erase) does not read back as sent.
  if (!flash_.write(block.addr, block.data, block.len) ||
      std::memcmp(flash_.data() + block.addr, block.data, block.len) != 0) {
    trace("FLASH_DATA seq %u: writing %u bytes at 0x%x did not read back (outside the flash or not erased)",
          flash_xfer_.next_seq, block.len, block.addr);
    return {kErrFlashWrite, 0};
  }
  trace("FLASH_DATA seq %u: %u bytes at 0x%x", flash_xfer_.next_seq, block.len, block.addr);
  ++flash_xfer_.next_seq;
  return {kOk, 0};
}

Bootloader::Result Bootloader::on_flash_end(const uint8_t* data, size_t len) {
  // esptool sends a u32; espflash sends a single byte. 0 = reboot, 1 = run user code.
  if (len != 1 && len != 4) {
    trace("FLASH_END: %zu data bytes, expected 1 or 4", len);
    return {kErrBadMessage, 0};
  }
  const bool run_user_code = len == 1 ? data[0] != 0 : get_le32(data) != 0;
  flash_.sync();
  flash_xfer_.active = false;
  if (run_user_code) {
    leave_ = LeaveReason::RunUserCode;
  } else {
    reboot_pending_ = true;
  }
  trace("FLASH_END: %s", run_user_code ? "run user code" : "reboot");
  return {kOk, 0};
}

Bootloader::Result Bootloader::on_mem_begin(const uint8_t* data, size_t len) {
  if (len != kBeginLen) {
    trace("MEM_BEGIN: %zu data bytes, expected 16", len);
    return {kErrBadMessage, 0};
  }
  const uint32_t size = get_le32(data), blocks = get_le32(data + 4), block_size = get_le32(data + 8),
                 addr = get_le32(data + 12);
  if (!ram_.contains(addr, size)) {
    trace("MEM_BEGIN: 0x%x bytes at 0x%08x are not in IRAM or DRAM", size, addr);
    return {kErrBadMessage, 0};
  }
  mem_xfer_ = Transfer{true, addr, blocks, block_size, 0};
  trace("MEM_BEGIN at 0x%08x: 0x%x bytes in %u blocks of %u", addr, size, blocks, block_size);
  return {kOk, 0};
}

Bootloader::Result Bootloader::on_mem_data(const uint8_t* data, size_t len, uint32_t checksum) {
  DataBlock block{};
  const uint8_t error = check_block("MEM_DATA", data, len, checksum, mem_xfer_, block);
  if (error != kOk) return {error, 0};
  if (!ram_.write(block.addr, block.data, block.len)) {
    trace("MEM_DATA seq %u: %u bytes at 0x%08x are not in IRAM or DRAM", mem_xfer_.next_seq, block.len, block.addr);
    return {kErrBadMessage, 0};
  }
  trace("MEM_DATA seq %u: %u bytes at 0x%08x", mem_xfer_.next_seq, block.len, block.addr);
  ++mem_xfer_.next_seq;
  return {kOk, 0};
}

Bootloader::Result Bootloader::on_mem_end(const uint8_t* data, size_t len) {
  if (len != 8) {
    trace("MEM_END: %zu data bytes, expected 8", len);
    return {kErrBadMessage, 0};
  }
  const bool stay = get_le32(data) != 0;  // esptool: stay_in_loader = (entry == 0)
  const uint32_t entry = get_le32(data + 4);
  mem_xfer_.active = false;
  if (stay) {
    trace("MEM_END: stay in the loader");
  } else {
    leave_ = LeaveReason::RunRam;
    ram_entry_ = entry;
    trace("MEM_END: jump to 0x%08x (RAM code cannot run here)", entry);
  }
  return {kOk, 0};
}

void Bootloader::send_reply(ByteSink& out, uint8_t op, const Result& result, int copies) {
  const std::vector<uint8_t> raw = make_response(op, result.value, result.error == kOk ? 0 : 1, result.error);
  tx_.clear();
  for (int i = 0; i < copies; ++i) slip_encode(raw.data(), raw.size(), tx_);
  out.write(tx_.data(), tx_.size());
  if (result.error != kOk) trace("%s -> 01 %02X (%s)", op_name(op), result.error, error_name(result.error));
}

void Bootloader::trace(const char* fmt, ...) {
  if (trace_ == nullptr) return;
  char line[240];
  const int prefix = std::snprintf(line, sizeof line, "rom: ");
  va_list args;
  va_start(args, fmt);
  const int n = std::vsnprintf(line + prefix, sizeof line - prefix - 1, fmt, args);
  va_end(args);
  size_t len = size_t(prefix) + (n < 0 ? 0 : size_t(n));
  if (len > sizeof line - 2) len = sizeof line - 2;
  line[len++] = '\n';
  trace_->write(reinterpret_cast<const uint8_t*>(line), len);
}

}  // namespace rom
