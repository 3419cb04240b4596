// The serial console: assembles typed lines and runs the commands (`help` lists them). Each
// command answers one line, `OK <command> ...` or `ERR <command>: <reason>`; the Wi-Fi password
// is never echoed. What a command changes goes through ConsoleHost, which persists and applies it.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "hb_faults.h"
#include "hb_log.h"
#include "hb_settings.h"

namespace hb {

enum class SettingChange : uint8_t { kWifi, kServer, kInterval, kMode, kDevice, kSeed, kBackoff };

class ConsoleHost {
 public:
  virtual void settings_changed(SettingChange what) = 0;
  virtual void faults_changed() = 0;
  // The `status` reply after "OK status".
  virtual void describe_status(Text& out) = 0;
  virtual void reboot() = 0;
  // `hold`: no reading cycles and no connection until the next reboot, so that a board can be
  // reconfigured (server, mode, device) without connecting anywhere half configured.
  virtual void hold() = 0;

 protected:
  ~ConsoleHost() = default;  // never deleted through the interface (no heap)
};

class Console {
 public:
  static constexpr size_t kMaxLine = 160;

  Console(Settings& settings, Faults& faults, ConsoleHost& host, Log& log);

  // Bytes typed on the serial port; CR, LF or CR LF end a command; backspace edits.
  void feed(const char* data, size_t len);
  // Runs one command line (without terminator).
  void run(char* line);

 private:
  void dispatch(char** words, size_t count, const char* rest_after_two);
  void help();
  void hold(size_t count);
  void wifi(char** words, size_t count, const char* rest);
  void server(char** words, size_t count);
  void interval(char** words, size_t count);
  void mode(char** words, size_t count);
  void device(char** words, size_t count);
  void fault(char** words, size_t count);
  void fault_clear(char** words, size_t count);
  void seed(char** words, size_t count);
  void backoff(char** words, size_t count);

  void ok(const Text& reply);
  void error(const char* command, const char* reason);
  void changed(SettingChange what);

  Settings& settings_;
  Faults& faults_;
  ConsoleHost& host_;
  Log& log_;
  char line_[kMaxLine + 1];
  char rest_[kMaxLine + 1];
  size_t len_ = 0;
  bool overflow_ = false;
  bool last_was_cr_ = false;
};

}  // namespace hb
