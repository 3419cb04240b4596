// The side channel: a TCP listener on 127.0.0.1 (ephemeral port), one text command per line,
// each answered with one line. Several clients may be connected at once.
#pragma once

#include <poll.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace board {

class ControlServer {
 public:
  static constexpr size_t kMaxLine = 512;
  // Gets a command line (no terminator), returns the reply line (no terminator).
  using Handler = std::function<std::string(const std::string& line)>;

  ~ControlServer();
  bool listen(std::string* error);
  uint16_t port() const { return port_; }

  void add_pollfds(std::vector<pollfd>& fds) const;
  // Accepts and reads whatever poll() reported in `fds`.
  void service(const std::vector<pollfd>& fds, const Handler& handler);
  // Closes every descriptor (the sketch process does this right after fork).
  void close_all();

 private:
  struct Connection {
    int fd;
    std::string buffer;
    bool overlong;
  };
  void read_from(Connection& c, const Handler& handler);
  static void reply(int fd, const std::string& text);

  int listen_fd_ = -1;
  uint16_t port_ = 0;
  std::vector<Connection> connections_;
};

}  // namespace board
