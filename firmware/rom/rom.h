// The virtual NodeMCU's ROM: the ESP8266 serial bootloader (download mode), the SPI flash it
// writes, and the v1 image check the ROM does before it boots from flash.
//
// Behaviour follows shared/reference/esp8266-serial-bootloader.md; README.md in this folder lists
// what is emulated, what is not, and which choices were made where the ROM's behaviour is unknown.
// C++17, no exceptions, no Arduino headers, not thread-safe (one board = one thread).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "rom_chip.h"
#include "rom_ram.h"
#include "rom_registers.h"
#include "rom_slip.h"

namespace rom {

// Where replies (and console text) go: the board's UART.
struct ByteSink {
  virtual void write(const uint8_t* data, size_t len) = 0;
  virtual ~ByteSink() = default;
};

// The SPI flash, kept in a file that is memory-mapped (so a crash loses nothing already written).
// Writes behave like NOR flash: they can only clear bits (new = old & data), so data written over
// a region that was not erased comes out wrong, as on the chip. erase() sets bytes to 0xFF.
class FlashStore {
 public:
  FlashStore() = default;
  FlashStore(const FlashStore&) = delete;
  FlashStore& operator=(const FlashStore&) = delete;
  ~FlashStore();

  // Opens (or creates, filled with 0xFF) the flash file. A shorter existing file is extended
  // with 0xFF to `size`; a longer one is refused (errno EFBIG). false + errno on failure.
  bool open(const char* path, size_t size = 4u << 20);
  size_t size() const { return size_; }
  const uint8_t* data() const { return data_; }
  // erase() stops at the end of the flash; write() refuses a range past the end (false) whole.
  void erase(uint32_t offset, uint32_t len);
  bool write(uint32_t offset, const uint8_t* d, size_t n);
  void sync();  // flush to the file (msync)

 private:
  void close();
  int fd_ = -1;
  uint8_t* data_ = nullptr;
  size_t size_ = 0;
};

// ChipIdentity, default_chip(), chip_with_id(), chip_id_of() and mac_of() are in rom_chip.h.

// Why the bootloader handed control away.
enum class LeaveReason {
  None,         // still in download mode
  RunUserCode,  // FLASH_END(1): boot from flash
  RunRam,       // MEM_END with an entry point: the ROM jumps to RAM code (we cannot run it)
};

// The ESP8266 ROM serial protocol (download mode): SLIP frames in, replies out.
class Bootloader {
 public:
  Bootloader(FlashStore& flash, ChipIdentity chip);

  // Feeds bytes read from the UART; writes replies to `out`. Any split of the input is fine.
  // Once leave_requested(), further input is ignored until reset().
  void receive(const uint8_t* data, size_t len, ByteSink& out);
  // FLASH_END(run user code) or MEM_END with entry: the board should boot.
  bool leave_requested() const { return leave_ != LeaveReason::None; }
  LeaveReason leave_reason() const { return leave_; }
  uint32_t ram_entry() const { return ram_entry_; }  // the MEM_END entry point, for logging
  // Back to a fresh download-mode state (after a reset). Written registers are forgotten.
  void reset();
  // Optional: one human-readable line per command handled (or rejected), for the board's log.
  void set_trace(ByteSink* trace) { trace_ = trace; }

 private:
  struct Transfer {  // one FLASH_BEGIN.. or MEM_BEGIN.. session
    bool active = false;
    uint32_t offset = 0;
    uint32_t blocks = 0;
    uint32_t block_size = 0;
    uint32_t next_seq = 0;
  };
  struct DataBlock {  // a checked FLASH_DATA/MEM_DATA payload
    uint32_t addr;
    const uint8_t* data;
    uint32_t len;
  };
  struct Result {  // error 0 = success (status byte 0); otherwise status 1 + this code
    uint8_t error;
    uint32_t value;
  };

  void handle_frame(const uint8_t* frame, size_t len, ByteSink& out);
  Result on_sync(const uint8_t* data, size_t len);
  Result on_read_reg(const uint8_t* data, size_t len);
  Result on_write_reg(const uint8_t* data, size_t len);
  Result on_flash_begin(const uint8_t* data, size_t len);
  Result on_flash_data(const uint8_t* data, size_t len, uint32_t checksum);
  Result on_flash_end(const uint8_t* data, size_t len);
  Result on_mem_begin(const uint8_t* data, size_t len);
  Result on_mem_data(const uint8_t* data, size_t len, uint32_t checksum);
  Result on_mem_end(const uint8_t* data, size_t len);
  uint8_t check_block(const char* what, const uint8_t* data, size_t len, uint32_t checksum, const Transfer& xfer,
                      DataBlock& block);
  void send_reply(ByteSink& out, uint8_t op, const Result& result, int copies);
  void trace(const char* fmt, ...) __attribute__((format(printf, 2, 3)));

  FlashStore& flash_;
  SlipDecoder slip_;
  RegisterFile regs_;
  Ram ram_;
  Transfer flash_xfer_;
  Transfer mem_xfer_;
  LeaveReason leave_ = LeaveReason::None;
  bool reboot_pending_ = false;  // FLASH_END(0): reboot, which lands in the ROM again
  uint32_t ram_entry_ = 0;
  std::vector<uint8_t> tx_;      // reply bytes, reused
  ByteSink* trace_ = nullptr;
};

struct BootResult {
  bool ok;
  std::string message;  // failure: the ROM's own text ("csum err", "flash read err", ...);
                        // success: a one-line summary of what would be loaded
  std::string version;  // from the first "HILBENCH-FW:" record (up to NUL/space), "" if none
  uint32_t entry;       // the image's entry point (0 if no header could be read)
  std::string detail;   // for humans: what exactly is wrong and where (empty when ok)
};
// What the ROM does at a flash boot: header 0xE9 at 0, up to 16 segments, checksum.
BootResult inspect_image(const FlashStore& flash);
BootResult inspect_image(const uint8_t* flash, size_t size);

// The ROM's first console line after a reset: "ets Jan  8 2013,rst cause:2, boot mode:(1,6)"
// (boot mode 1 = UART download, 3 = flash boot). A real chip prints it at 74880 baud.
void print_boot_banner(bool download_mode, ByteSink& console);

}  // namespace rom
