// A virtual NodeMCU process driven from a test, the way hil drives one: it reads the three
// stdout lines, opens the printed pseudo-terminal in raw mode, and connects to the side channel.
// A failed expectation reports the pattern, the last serial lines and the board's log.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace hbtest {

std::string read_file(const std::string& path);  // the whole file, "" if unreadable

class VirtualNodeMcu {
 public:
  explicit VirtualNodeMcu(const std::vector<std::string>& args, const std::string& binary = "");
  ~VirtualNodeMcu();
  VirtualNodeMcu(const VirtualNodeMcu&) = delete;
  VirtualNodeMcu& operator=(const VirtualNodeMcu&) = delete;

  const std::string& mode_line() const { return mode_line_; }
  const std::string& serial_path() const { return serial_path_; }

  // Serial: what a terminal program would type and see.
  void type(const std::string& text);
  // The next serial line (after the last one expected) containing `text`; fails the test if none
  // comes within the timeout.
  std::string expect(const std::string& text, int timeout_ms);
  // Like expect, but returns "" without failing.
  std::string find(const std::string& text, int timeout_ms);
  // Every serial byte received so far, and the raw bytes from `offset` on.
  size_t received_bytes();
  std::string bytes_from(size_t offset, int wait_ms);
  // Reads whatever arrived, waiting up to `timeout_ms` for the first byte.
  void pump(int timeout_ms);

  // Side channel: one command, one reply line.
  std::string control(const std::string& command);

  // Asks the board to quit; returns its exit status (-1 if it had to be killed).
  int quit();
  pid_t pid() const { return pid_; }
  std::string transcript() const;
  // The board's human log (its stderr) so far.
  std::string log() const { return read_file(log_path_); }

 private:
  void fail_with_context(const std::string& what);
  pid_t pid_ = -1;
  int stdout_fd_ = -1, serial_fd_ = -1, control_fd_ = -1;
  std::string log_path_, mode_line_, serial_path_;
  std::string raw_;
  size_t line_cursor_ = 0;  // offset in raw_ after the last expected line
};

// The version record in an image file ("" if none): what the board should report after booting it.
std::string version_record_of(const std::string& image_path);
void copy_file(const std::string& from, const std::string& to);

}  // namespace hbtest
