#include "board.h"

#include <stdio.h>
#include <sys/wait.h>

#include "../runtime/chip_context.h"
#include "../runtime/pacer.h"
#include "log.h"

namespace board {
namespace {

// A sketch that dies this soon after booting is crash-looping: halt instead of rebooting forever.
constexpr int64_t kCrashLoopNs = 1000000000;

class TraceToLog : public rom::ByteSink {
 public:
  void write(const uint8_t* data, size_t len) override {
    std::string line(reinterpret_cast<const char*>(data), len);
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
    log("rom: %s", line.c_str());
  }
};
TraceToLog trace_sink;

}  // namespace

const char* mode_name(Mode mode) {
  switch (mode) {
    case Mode::kReset: return "reset";
    case Mode::kDownload: return "download";
    case Mode::kApp: return "app";
    case Mode::kHalted: return "halted";
  }
  return "unknown";
}

Board::Board(const Options& options, hb_host::Uart& uart, rom::FlashStore& flash, rom::ChipIdentity chip)
    : options_(options), uart_(uart), flash_(flash), rom_(flash, chip) {
  if (options.trace) rom_.set_trace(&trace_sink);
}

void Board::power_on() {
  latched_download_ = options_.download;
  boot(options_.download, "Power On");
}

void Board::set_lines(bool dtr, bool rts) {
  // NodeMCU auto-reset: EN is pulled low only by (DTR off, RTS on), IO0 only by (DTR on, RTS off);
  // both asserted together leave the chip alone (DOC boot-mode-selection).
  bool en_was_low = !dtr_ && rts_;
  bool en_low = !dtr && rts;
  bool io0_low = dtr && !rts;
  dtr_ = dtr;
  rts_ = rts;
  if (!en_was_low && en_low) {
    hold_in_reset();
  } else if (en_was_low && !en_low) {
    latched_download_ = io0_low;  // EN rising samples IO0
    boot(io0_low, "External System");
  }
}

void Board::reset(bool download) {
  hold_in_reset();
  latched_download_ = download;
  boot(download, "External System");
}

void Board::hold_in_reset() {
  app_.stop();
  mode_ = Mode::kReset;
  log("EN low: chip held in reset");
}

void Board::boot(bool download, const char* reset_reason) {
  app_.stop();
  boots_++;
  uart_.discard_input();  // what the terminal sent while the chip was in reset is lost
  rom::print_boot_banner(download, *this);
  if (download) {
    rom_.reset();
    mode_ = Mode::kDownload;
    log("boot %u: download mode (ROM serial bootloader)", boots_);
    if (on_mode_) on_mode_(mode_);
    return;
  }
  boot_from_flash(reset_reason);
}

void Board::boot_from_flash(const char* reset_reason) {
  flash_.sync();
  rom::BootResult image = rom::inspect_image(flash_);
  if (image.ok) {
    log("boot %u: flash: %s, version %s", boots_, image.message.c_str(),
        image.version.empty() ? "(no HILBENCH-FW record)" : image.version.c_str());
    start_app(image.version.empty() ? "unknown" : image.version, reset_reason);
  } else if (options_.flash_path.empty()) {
    // No flash file was given: the board stands in for a chip flashed with this very sketch.
    log("boot %u: no valid image in the flash (%s): running the built-in sketch", boots_, image.detail.c_str());
    start_app("", reset_reason);
  } else {
    console(image.message + "\r\n");
    mode_ = Mode::kHalted;
    log("boot %u: halted: %s (%s)", boots_, image.message.c_str(), image.detail.c_str());
  }
}

void Board::start_app(const std::string& image_version, const char* reset_reason) {
  hb_host::chip_context().reset_reason = reset_reason;
  std::string error;
  if (!app_.start(image_version, in_child_, &error)) {
    mode_ = Mode::kHalted;
    log("%s", error.c_str());
    return;
  }
  version_ = image_version.empty() ? sketch_builtin_version() : image_version;
  mode_ = Mode::kApp;
  app_started_ns_ = hb_host::Pacer::now_ns();
  log("boot %u: running the sketch (pid %d, version %s)", boots_, static_cast<int>(app_.pid()),
      version_.empty() ? "unknown" : version_.c_str());
  if (on_mode_) on_mode_(mode_);
}

void Board::serial_readable() {
  uint8_t buf[4096];
  size_t n = uart_.read(buf, sizeof(buf));
  if (n == 0 || mode_ != Mode::kDownload) return;  // in reset or halted the bytes are lost
  rom_.receive(buf, n, *this);
  if (!rom_.leave_requested()) return;
  log("ROM: leaving download mode (%s)",
      rom_.leave_reason() == rom::LeaveReason::RunUserCode ? "FLASH_END: run user code" : "MEM_END: jump to RAM");
  // The ROM jumps to the code without a reset: no banner, and the latched boot mode stays.
  boot_from_flash("External System");
}

void Board::app_exited(pid_t pid, int status) {
  if (pid != app_.pid()) return;
  app_.exited();
  if (WIFEXITED(status) && WEXITSTATUS(status) == hb_host::kExitRestart) {
    log("sketch restarted the chip");
    boot(latched_download_, "Software/System restart");
    return;
  }
  std::string how = WIFSIGNALED(status) ? "killed by signal " + std::to_string(WTERMSIG(status))
                                         : "exited with status " + std::to_string(WEXITSTATUS(status));
  if (hb_host::Pacer::now_ns() - app_started_ns_ < kCrashLoopNs) {
    mode_ = Mode::kHalted;
    log("sketch %s within a second of booting: halted (reset to try again)", how.c_str());
    return;
  }
  log("sketch %s: rebooting as the watchdog would", how.c_str());
  boot(latched_download_, "Exception");
}

void Board::shut_down() { app_.stop(); }

std::string Board::version() const {
  if (mode_ == Mode::kApp) return version_.empty() ? "unknown" : version_;
  rom::BootResult image = rom::inspect_image(flash_);
  if (image.ok) return image.version.empty() ? "unknown" : image.version;
  if (options_.flash_path.empty()) {
    std::string builtin = sketch_builtin_version();
    return builtin.empty() ? "unknown" : builtin;
  }
  return "none";
}

void Board::console(const std::string& text) { uart_.write(reinterpret_cast<const uint8_t*>(text.data()), text.size()); }

}  // namespace board
