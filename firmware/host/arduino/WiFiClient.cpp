#include "WiFiClient.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <vector>

#include "../runtime/chip_context.h"
#include "Arduino.h"

namespace {

constexpr size_t kSendBuffer = 2920;  // lwIP's TCP_SND_BUF on the ESP8266: 2 * MSS

// Sockets the sketch stopped while Wi-Fi was down: their FIN (and what they still had to send)
// waits for the radio to come back.
struct Parked {
  int fd;
  std::string pending;
};
std::vector<Parked>& parked() {
  static std::vector<Parked> list;
  return list;
}

bool send_all(int fd, const std::string& data) {
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n = send(fd, data.data() + done, data.size() - done, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      pollfd p{fd, POLLOUT, 0};
      if (poll(&p, 1, 1000) <= 0) return false;
      continue;
    }
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

bool resolve(const char* host, uint16_t port, sockaddr_in* out) {
  addrinfo hints{};
  hints.ai_family = AF_INET;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* result = nullptr;
  if (getaddrinfo(host, nullptr, &hints, &result) != 0 || result == nullptr) return false;
  *out = *reinterpret_cast<sockaddr_in*>(result->ai_addr);
  out->sin_port = htons(port);
  freeaddrinfo(result);
  return true;
}

IPAddress address_of(const sockaddr_in& a) { return IPAddress(static_cast<uint32_t>(a.sin_addr.s_addr)); }

}  // namespace

namespace hb_host {

bool wifi_link_up() {
  SharedState* shared = chip_context().shared;
  return shared == nullptr || shared->wifi_up.load();
}

void network_tick() {
  if (parked().empty() || !wifi_link_up()) return;
  for (Parked& p : parked()) {
    send_all(p.fd, p.pending);
    close(p.fd);
  }
  parked().clear();
}

}  // namespace hb_host

WiFiClient::WiFiClient() { setTimeout(5000); }

WiFiClient::~WiFiClient() { stop(); }

int WiFiClient::connect(IPAddress ip, uint16_t port) { return connect(ip.toString().c_str(), port); }

int WiFiClient::connect(const char* host, uint16_t port) {
  stop();
  hb_host::network_tick();
  if (!hb_host::wifi_link_up()) return 0;  // no route without the access point
  sockaddr_in addr{};
  if (!resolve(host, port, &addr)) return 0;
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) return 0;
  int rc = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr));
  if (rc < 0 && errno != EINPROGRESS) {
    close(fd);
    return 0;
  }
  // Wait for the handshake in slices, so that Wi-Fi going down meanwhile fails the attempt.
  unsigned long start = millis();
  while (rc < 0) {
    pollfd p{fd, POLLOUT, 0};
    int ready = poll(&p, 1, 50);
    if (ready > 0) {
      int error = 0;
      socklen_t len = sizeof(error);
      getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &len);
      if (error != 0) {
        close(fd);
        return 0;
      }
      break;
    }
    if (!hb_host::wifi_link_up() || millis() - start >= getTimeout()) {
      close(fd);
      return 0;
    }
  }
  fd_ = fd;
  peer_closed_ = false;
  peeked_ = -1;
  pending_.clear();
  return 1;
}

bool WiFiClient::flush_pending() {
  if (pending_.empty()) return true;
  bool ok = send_all(fd_, pending_);
  pending_.clear();
  if (!ok) peer_closed_ = true;
  return ok;
}

size_t WiFiClient::write(const uint8_t* buf, size_t size) {
  if (fd_ < 0 || peer_closed_) return 0;
  if (!hb_host::wifi_link_up()) {
    size_t room = kSendBuffer > pending_.size() ? kSendBuffer - pending_.size() : 0;
    size_t n = size < room ? size : room;
    pending_.append(reinterpret_cast<const char*>(buf), n);
    return n;
  }
  if (!flush_pending()) return 0;
  size_t done = 0;
  unsigned long start = millis();
  while (done < size) {
    ssize_t n = send(fd_, buf + done, size - done, MSG_NOSIGNAL);
    if (n > 0) {
      done += static_cast<size_t>(n);
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) && millis() - start < getTimeout()) {
      pollfd p{fd_, POLLOUT, 0};
      poll(&p, 1, 50);
      continue;
    }
    if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) peer_closed_ = true;
    break;
  }
  return done;
}

int WiFiClient::available() {
  if (fd_ < 0 || !hb_host::wifi_link_up()) return peeked_ >= 0 ? 1 : 0;
  flush_pending();
  int n = 0;
  if (ioctl(fd_, FIONREAD, &n) < 0) n = 0;
  return n + (peeked_ >= 0 ? 1 : 0);
}

int WiFiClient::read() {
  uint8_t c;
  return read(&c, 1) == 1 ? c : -1;
}

int WiFiClient::read(uint8_t* buf, size_t size) {
  if (size == 0) return 0;
  size_t done = 0;
  if (peeked_ >= 0) {
    buf[done++] = static_cast<uint8_t>(peeked_);
    peeked_ = -1;
  }
  if (fd_ < 0 || !hb_host::wifi_link_up() || done == size) return done > 0 ? static_cast<int>(done) : -1;
  ssize_t n = recv(fd_, buf + done, size - done, MSG_DONTWAIT);
  if (n == 0) peer_closed_ = true;
  if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) peer_closed_ = true;
  if (n > 0) done += static_cast<size_t>(n);
  return done > 0 ? static_cast<int>(done) : -1;
}

int WiFiClient::peek() {
  if (peeked_ < 0) {
    uint8_t c;
    if (fd_ < 0 || !hb_host::wifi_link_up()) return -1;
    ssize_t n = recv(fd_, &c, 1, MSG_DONTWAIT);
    if (n == 0) peer_closed_ = true;
    if (n == 1) peeked_ = c;
  }
  return peeked_;
}

uint8_t WiFiClient::connected() {
  if (fd_ < 0) return 0;
  if (!hb_host::wifi_link_up()) return peer_closed_ ? 0 : 1;  // the stack cannot know yet
  if (available() > 0) return 1;  // as on the ESP8266: unread data keeps a client "connected"
  if (peer_closed_) return 0;
  char probe;
  ssize_t n = recv(fd_, &probe, 1, MSG_PEEK | MSG_DONTWAIT);
  if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) peer_closed_ = true;
  return peer_closed_ ? 0 : 1;
}

void WiFiClient::stop() {
  if (fd_ < 0) return;
  if (!hb_host::wifi_link_up()) {
    parked().push_back({fd_, pending_});
  } else {
    flush_pending();
    close(fd_);
  }
  fd_ = -1;
  pending_.clear();
  peeked_ = -1;
  peer_closed_ = false;
}

void WiFiClient::setNoDelay(bool nodelay) {
  int on = nodelay ? 1 : 0;
  if (fd_ >= 0) setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &on, sizeof(on));
}

IPAddress WiFiClient::remoteIP() const {
  sockaddr_in a{};
  socklen_t len = sizeof(a);
  if (fd_ < 0 || getpeername(fd_, reinterpret_cast<sockaddr*>(&a), &len) < 0) return IPAddress();
  return address_of(a);
}

uint16_t WiFiClient::remotePort() const {
  sockaddr_in a{};
  socklen_t len = sizeof(a);
  if (fd_ < 0 || getpeername(fd_, reinterpret_cast<sockaddr*>(&a), &len) < 0) return 0;
  return ntohs(a.sin_port);
}

IPAddress WiFiClient::localIP() const {
  sockaddr_in a{};
  socklen_t len = sizeof(a);
  if (fd_ < 0 || getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len) < 0) return IPAddress();
  return address_of(a);
}

uint16_t WiFiClient::localPort() const {
  sockaddr_in a{};
  socklen_t len = sizeof(a);
  if (fd_ < 0 || getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len) < 0) return 0;
  return ntohs(a.sin_port);
}
