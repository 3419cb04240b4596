// The virtual NodeMCU's chip as the outside world sees it: reset and boot-mode wires, the ROM's
// download mode on the UART, the flash boot that checks the image, and the sketch process.
//
//   EN low ──▶ reset ──EN high, IO0 low──▶ download (ROM bootloader on the UART)
//                    ──EN high, IO0 high─▶ flash boot: image ok ▶ app (the sketch)
//                                                      image bad ▶ halted ("csum err", ...)
// A software restart (ESP.restart, the `reboot` command) repeats the boot mode latched at the
// last hard reset, as on the chip: after a flash through the ROM and FLASH_END, a restart lands
// in the bootloader again, which is why flashing tools end with a hard reset.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "../../rom/rom.h"
#include "../runtime/shared_state.h"
#include "../runtime/uart.h"
#include "app_process.h"
#include "options.h"

namespace board {

enum class Mode { kReset, kDownload, kApp, kHalted };
const char* mode_name(Mode mode);

class Board : private rom::ByteSink {
 public:
  Board(const Options& options, hb_host::Uart& uart, rom::FlashStore& flash, rom::ChipIdentity chip);

  // Runs in the sketch process right after fork (the board's descriptors are closed there).
  void set_in_child(std::function<void()> in_child) { in_child_ = std::move(in_child); }
  // Called whenever the chip enters download mode or starts the app.
  void set_on_mode(std::function<void(Mode)> on_mode) { on_mode_ = std::move(on_mode); }

  void power_on();
  // The USB bridge's modem lines, through the NodeMCU's auto-reset transistors.
  void set_lines(bool dtr, bool rts);
  // A pulse on EN with IO0 held as asked.
  void reset(bool download);
  // The board owns the UART unless the sketch runs; then this reads what the terminal sent.
  void serial_readable();
  bool owns_serial() const { return mode_ != Mode::kApp; }
  int serial_wait_ms() { return uart_.input_wait_ms(); }
  // The sketch process ended by itself.
  void app_exited(pid_t pid, int status);
  void shut_down();

  Mode mode() const { return mode_; }
  uint32_t boots() const { return boots_; }
  bool dtr() const { return dtr_; }
  bool rts() const { return rts_; }
  // The running sketch's version; out of app mode, what a flash boot would report.
  std::string version() const;

 private:
  void write(const uint8_t* data, size_t len) override { uart_.write(data, len); }
  void hold_in_reset();
  void boot(bool download, const char* reset_reason);
  void boot_from_flash(const char* reset_reason);
  void start_app(const std::string& image_version, const char* reset_reason);
  void console(const std::string& text);

  Options options_;
  hb_host::Uart& uart_;
  rom::FlashStore& flash_;
  rom::Bootloader rom_;
  AppProcess app_;
  std::function<void()> in_child_;
  std::function<void(Mode)> on_mode_;
  Mode mode_ = Mode::kReset;
  bool latched_download_ = false;  // the boot mode sampled at the last hard reset
  bool dtr_ = false, rts_ = false;
  uint32_t boots_ = 0;
  std::string version_;
  int64_t app_started_ns_ = 0;
};

}  // namespace board
