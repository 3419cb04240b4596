// WiFiClient on POSIX sockets. The connect is non-blocking with a timeout (5 s, as on the
// ESP8266). While the side channel holds Wi-Fi down the socket is a black hole, as a TCP
// connection is when the access point is gone: nothing is read, writes queue up to the ESP8266's
// 2920-byte send buffer and go out only if Wi-Fi comes back, and stop() sends no FIN until then.
#pragma once

#include <stdint.h>

#include <string>

#include "Client.h"
#include "IPAddress.h"
#include "WString.h"

class WiFiClient : public Client {
 public:
  WiFiClient();
  ~WiFiClient() override;
  WiFiClient(const WiFiClient&) = delete;
  WiFiClient& operator=(const WiFiClient&) = delete;

  int connect(IPAddress ip, uint16_t port) override;
  int connect(const char* host, uint16_t port) override;
  int connect(const String& host, uint16_t port) { return connect(host.c_str(), port); }
  size_t write(uint8_t c) override { return write(&c, 1); }
  size_t write(const uint8_t* buf, size_t size) override;
  using Print::write;
  int available() override;
  int read() override;
  int read(uint8_t* buf, size_t size) override;
  int read(char* buf, size_t size) { return read(reinterpret_cast<uint8_t*>(buf), size); }
  int peek() override;
  void flush() override {}
  void stop() override;
  uint8_t connected() override;
  operator bool() override { return connected() != 0; }

  void setNoDelay(bool nodelay);
  IPAddress remoteIP() const;
  uint16_t remotePort() const;
  IPAddress localIP() const;
  uint16_t localPort() const;

 private:
  bool flush_pending();
  int fd_ = -1;
  bool peer_closed_ = false;
  int peeked_ = -1;
  std::string pending_;  // written while Wi-Fi was down
};

namespace hb_host {
// Lets the network catch up with the side channel: when Wi-Fi is back, sends what sockets queued
// while it was down and closes the ones the sketch stopped meanwhile.
void network_tick();
bool wifi_link_up();
}  // namespace hb_host
