#include "vnode.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "hbtest.h"

extern char** environ;

namespace hbtest {
namespace {

using Clock = std::chrono::steady_clock;

int remaining_ms(Clock::time_point deadline) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return left < 0 ? 0 : static_cast<int>(left);
}

// One line from the board's stdout (the machine-readable lines), or "" on timeout/EOF.
std::string read_stdout_line(int fd, int timeout_ms) {
  std::string line;
  auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
  for (;;) {
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, remaining_ms(deadline)) <= 0) return "";
    char c;
    if (read(fd, &c, 1) != 1) return "";
    if (c == '\n') return line;
    line += c;
  }
}

}  // namespace

VirtualNodeMcu::VirtualNodeMcu(const std::vector<std::string>& args, const std::string& binary) {
  std::string program = binary.empty() ? std::string(HB_BUILD_DIR) + "/virtual-nodemcu" : binary;
  char log_template[] = "/tmp/vnode-log-XXXXXX";
  int log_fd = mkstemp(log_template);
  log_path_ = log_template;
  int out[2];
  if (log_fd < 0 || pipe2(out, O_CLOEXEC) != 0) {
    fail(__FILE__, __LINE__, "cannot create the board's log file or pipe");
    throw Abort{};
  }
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(program.c_str()));
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, log_fd, STDERR_FILENO);
  int rc = posix_spawn(&pid_, program.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(out[1]);
  close(log_fd);
  stdout_fd_ = out[0];
  if (rc != 0) {
    fail(__FILE__, __LINE__, "cannot start " + program + ": " + std::to_string(rc));
    throw Abort{};
  }
  std::string serial = read_stdout_line(stdout_fd_, 5000);
  std::string control_line = read_stdout_line(stdout_fd_, 5000);
  mode_line_ = read_stdout_line(stdout_fd_, 5000);
  if (serial.rfind("serial ", 0) != 0 || control_line.rfind("control 127.0.0.1:", 0) != 0 ||
      mode_line_.rfind("mode ", 0) != 0) {
    fail_with_context("the three stdout lines (got '" + serial + "', '" + control_line + "', '" + mode_line_ + "')");
    throw Abort{};
  }
  serial_path_ = serial.substr(7);
  serial_fd_ = open(serial_path_.c_str(), O_RDWR | O_NOCTTY | O_CLOEXEC | O_NONBLOCK);
  termios tio;
  if (serial_fd_ < 0 || tcgetattr(serial_fd_, &tio) != 0) {
    fail_with_context("opening " + serial_path_);
    throw Abort{};
  }
  cfmakeraw(&tio);
  tcsetattr(serial_fd_, TCSANOW, &tio);

  control_fd_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<uint16_t>(std::atoi(control_line.c_str() + 18)));
  if (connect(control_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) {
    fail_with_context("connecting to the side channel at " + control_line);
    throw Abort{};
  }
}

VirtualNodeMcu::~VirtualNodeMcu() {
  if (pid_ > 0) quit();
  // A sanitizer build (make BUILD=... CXXFLAGS=-fsanitize=...) reports on the board's stderr.
  std::string board_log = log();
  if (board_log.find("Sanitizer") != std::string::npos || board_log.find("runtime error:") != std::string::npos) {
    fail(__FILE__, __LINE__, "the board's log has a sanitizer report:\n" + board_log);
  }
  if (serial_fd_ >= 0) close(serial_fd_);
  if (control_fd_ >= 0) close(control_fd_);
  if (stdout_fd_ >= 0) close(stdout_fd_);
  unlink(log_path_.c_str());
}

void VirtualNodeMcu::type(const std::string& text) {
  size_t done = 0;
  auto deadline = Clock::now() + std::chrono::seconds(5);
  while (done < text.size() && Clock::now() < deadline) {
    ssize_t n = write(serial_fd_, text.data() + done, text.size() - done);
    if (n > 0) {
      done += static_cast<size_t>(n);
    } else {
      pollfd p{serial_fd_, POLLOUT, 0};
      poll(&p, 1, 50);
    }
  }
}

void VirtualNodeMcu::pump(int timeout_ms) {
  pollfd p{serial_fd_, POLLIN, 0};
  if (poll(&p, 1, timeout_ms) <= 0) return;
  char buf[4096];
  for (ssize_t n; (n = read(serial_fd_, buf, sizeof(buf))) > 0;) raw_.append(buf, static_cast<size_t>(n));
}

std::string VirtualNodeMcu::find(const std::string& text, int timeout_ms) {
  auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
  for (;;) {
    for (size_t lf; (lf = raw_.find('\n', line_cursor_)) != std::string::npos;) {
      std::string line = raw_.substr(line_cursor_, lf - line_cursor_);
      line_cursor_ = lf + 1;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.find(text) != std::string::npos) return line;
    }
    int left = remaining_ms(deadline);
    if (left == 0) return "";
    pump(left);
  }
}

std::string VirtualNodeMcu::expect(const std::string& text, int timeout_ms) {
  size_t start = line_cursor_;
  std::string line = find(text, timeout_ms);
  if (line.empty()) {
    line_cursor_ = start;  // keep the lines for later expectations and for the report
    fail_with_context("a serial line containing \"" + text + "\" within " + std::to_string(timeout_ms) + " ms");
    throw Abort{};
  }
  return line;
}

size_t VirtualNodeMcu::received_bytes() {
  pump(0);
  return raw_.size();
}

std::string VirtualNodeMcu::bytes_from(size_t offset, int wait_ms) {
  pump(wait_ms);
  return offset < raw_.size() ? raw_.substr(offset) : "";
}

std::string VirtualNodeMcu::control(const std::string& command) {
  std::string line = command + "\n";
  if (send(control_fd_, line.data(), line.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(line.size())) {
    fail_with_context("sending '" + command + "' on the side channel");
    return "";
  }
  std::string reply;
  auto deadline = Clock::now() + std::chrono::seconds(5);
  for (;;) {
    pollfd p{control_fd_, POLLIN, 0};
    if (poll(&p, 1, remaining_ms(deadline)) <= 0) break;
    char c;
    if (recv(control_fd_, &c, 1, 0) != 1) break;
    if (c == '\n') return reply;
    reply += c;
  }
  fail_with_context("a side channel reply to '" + command + "'");
  return "";
}

int VirtualNodeMcu::quit() {
  if (pid_ <= 0) return -1;
  std::string line = "quit\n";
  send(control_fd_, line.data(), line.size(), MSG_NOSIGNAL);
  int status = 0;
  auto deadline = Clock::now() + std::chrono::seconds(5);
  pid_t done = 0;
  while ((done = waitpid(pid_, &status, WNOHANG)) == 0 && Clock::now() < deadline) {
    pollfd none{-1, 0, 0};
    poll(&none, 0, 10);
  }
  if (done == 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return -1;
  }
  pid_ = -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string VirtualNodeMcu::transcript() const {
  std::string out;
  size_t start = raw_.size() > 3000 ? raw_.size() - 3000 : 0;
  for (size_t i = start; i < raw_.size(); i++) {
    unsigned char c = static_cast<unsigned char>(raw_[i]);
    if (c == '\n' || (c >= 0x20 && c < 0x7F)) {
      out += static_cast<char>(c);
    } else if (c != '\r') {
      char hex[8];
      snprintf(hex, sizeof(hex), "\\x%02X", c);
      out += hex;
    }
  }
  return out;
}

void VirtualNodeMcu::fail_with_context(const std::string& what) {
  fail(__FILE__, __LINE__,
       "expected " + what + "\n--- serial (last bytes) ---\n" + transcript() + "\n--- board log (" + log_path_ +
           ") ---\n" + read_file(log_path_));
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void copy_file(const std::string& from, const std::string& to) {
  std::ofstream out(to, std::ios::binary);
  out << read_file(from);
}

std::string version_record_of(const std::string& image_path) {
  std::string image = read_file(image_path);
  size_t at = image.find("HILBENCH-FW:");
  if (at == std::string::npos) return "";
  std::string version;
  for (size_t i = at + 12; i < image.size() && image[i] > ' ' && image[i] < 0x7F; i++) version += image[i];
  return version;
}

}  // namespace hbtest
