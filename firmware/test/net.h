// A TCP listener on 127.0.0.1 for tests: it plays the server the node reports to.
#pragma once

#include <memory>
#include <string>

namespace hbtest {

class Connection {
 public:
  explicit Connection(int fd) : fd_(fd) {}
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // The next line (CR LF or LF removed), or false if none came within the timeout or the peer
  // closed first.
  bool read_line(std::string* line, int timeout_ms);
  // True if the peer closed (FIN or RST) within the timeout; unread lines are kept.
  bool closed_within(int timeout_ms);
  // True if nothing at all (no byte, no FIN) arrived during `ms`.
  bool silent_for(int ms);
  void send(const std::string& text);
  const std::string& received() const { return all_; }

 private:
  bool fill(int timeout_ms);  // false on timeout or EOF
  int fd_;
  std::string buffer_, all_;
  bool eof_ = false;
};

class Listener {
 public:
  Listener();  // 127.0.0.1, an ephemeral port
  ~Listener();
  Listener(const Listener&) = delete;
  Listener& operator=(const Listener&) = delete;
  int port() const { return port_; }
  // The next connection, or null after the timeout.
  std::unique_ptr<Connection> accept(int timeout_ms);

 private:
  int fd_ = -1;
  int port_ = 0;
};

}  // namespace hbtest
