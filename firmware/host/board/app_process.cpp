#include "app_process.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../runtime/chip_context.h"

// The hilbench core, when the sketch carries it, learns which image it stands in for through
// these. Weak: a classroom sketch built as a virtual NodeMCU has no core, and links without them.
namespace hb {
__attribute__((weak)) void set_firmware_version(const char* version);
__attribute__((weak)) const char* builtin_version();
}  // namespace hb

namespace board {

std::string sketch_builtin_version() { return hb::builtin_version != nullptr ? hb::builtin_version() : ""; }

bool AppProcess::start(const std::string& image_version, const std::function<void()>& in_child, std::string* error) {
  fflush(stdout);
  fflush(stderr);
  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid < 0) {
    *error = std::string("cannot start the sketch: fork: ") + strerror(errno);
    return false;
  }
  if (pid > 0) {
    pid_ = pid;
    return true;
  }
  // The sketch process: dies with the board, never writes to the board's machine-readable stdout.
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != parent) _exit(0);
  signal(SIGCHLD, SIG_DFL);
  signal(SIGPIPE, SIG_IGN);
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);
  int devnull = open("/dev/null", O_WRONLY | O_CLOEXEC);
  if (devnull >= 0) dup2(devnull, STDOUT_FILENO);
  in_child();
  static std::string version;  // outlives the sketch: the core keeps the pointer
  version = image_version;
  if (hb::set_firmware_version != nullptr && !version.empty()) hb::set_firmware_version(version.c_str());
  hb_host::run_sketch();
}

void AppProcess::stop() {
  if (pid_ <= 0) return;
  kill(pid_, SIGKILL);
  int status;
  while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  pid_ = -1;
}

}  // namespace board
