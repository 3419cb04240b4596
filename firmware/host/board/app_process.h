// The sketch running on the virtual chip, as a child process. Each boot forks a fresh one, so
// the sketch starts with its globals as a real reset leaves them; a reset kills it.
#pragma once

#include <sys/types.h>

#include <functional>
#include <string>

namespace board {

class AppProcess {
 public:
  // `in_child` runs in the new process before the sketch (to close the board's descriptors).
  // `image_version`: the flashed image's version record, or "" for the sketch's built-in one.
  bool start(const std::string& image_version, const std::function<void()>& in_child, std::string* error);
  // Kills it (a reset) and reaps it.
  void stop();
  bool running() const { return pid_ > 0; }
  pid_t pid() const { return pid_; }
  // The board reaped it: forget it.
  void exited() { pid_ = -1; }

 private:
  pid_t pid_ = -1;
};

// The version the sketch was built with, if it is the hilbench sketch ("" otherwise).
std::string sketch_builtin_version();

}  // namespace board
