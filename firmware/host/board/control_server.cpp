#include "control_server.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>

namespace board {

ControlServer::~ControlServer() { close_all(); }

bool ControlServer::listen(std::string* error) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof(addr);
  if (fd < 0 || bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0 || ::listen(fd, 8) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    *error = std::string("cannot listen on 127.0.0.1 for the side channel: ") + strerror(errno);
    if (fd >= 0) close(fd);
    return false;
  }
  listen_fd_ = fd;
  port_ = ntohs(addr.sin_port);
  return true;
}

void ControlServer::add_pollfds(std::vector<pollfd>& fds) const {
  if (listen_fd_ >= 0) fds.push_back({listen_fd_, POLLIN, 0});
  for (const Connection& c : connections_) fds.push_back({c.fd, POLLIN, 0});
}

void ControlServer::service(const std::vector<pollfd>& fds, const Handler& handler) {
  for (const pollfd& p : fds) {
    if (p.revents == 0) continue;
    if (p.fd == listen_fd_) {
      for (int fd; (fd = accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK)) >= 0;) {
        connections_.push_back({fd, std::string(), false});
      }
      continue;
    }
    auto it = std::find_if(connections_.begin(), connections_.end(), [&](const Connection& c) { return c.fd == p.fd; });
    if (it != connections_.end()) read_from(*it, handler);
  }
  connections_.erase(std::remove_if(connections_.begin(), connections_.end(),
                                    [](const Connection& c) { return c.fd < 0; }),
                     connections_.end());
}

void ControlServer::read_from(Connection& c, const Handler& handler) {
  char buf[1024];
  ssize_t n = recv(c.fd, buf, sizeof(buf), 0);
  if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
    close(c.fd);
    c.fd = -1;
    return;
  }
  for (ssize_t i = 0; i < n && c.fd >= 0; i++) {
    char ch = buf[i];
    if (ch != '\n') {
      if (c.buffer.size() < kMaxLine) {
        c.buffer += ch;
      } else {
        c.overlong = true;
      }
      continue;
    }
    if (!c.buffer.empty() && c.buffer.back() == '\r') c.buffer.pop_back();
    if (c.overlong) {
      reply(c.fd, "err line longer than " + std::to_string(kMaxLine) + " bytes");
    } else if (!c.buffer.empty()) {
      reply(c.fd, handler(c.buffer));
    }
    c.buffer.clear();
    c.overlong = false;
  }
}

void ControlServer::reply(int fd, const std::string& text) {
  std::string line = text + "\n";
  size_t done = 0;
  while (done < line.size()) {
    ssize_t n = send(fd, line.data() + done, line.size() - done, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      pollfd p{fd, POLLOUT, 0};
      if (poll(&p, 1, 1000) <= 0) return;  // a client that reads no replies loses them
      continue;
    }
    if (n <= 0) return;
    done += static_cast<size_t>(n);
  }
}

void ControlServer::close_all() {
  for (Connection& c : connections_) {
    if (c.fd >= 0) close(c.fd);
  }
  connections_.clear();
  if (listen_fd_ >= 0) close(listen_fd_);
  listen_fd_ = -1;
}

}  // namespace board
