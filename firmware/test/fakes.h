// Fakes of the node's hardware, for tests that drive the core with a hand-turned clock.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "hb_hardware.h"
#include "hb_node.h"

namespace fakes {

class Clock : public hb::Clock {
 public:
  uint32_t now = 0;
  uint32_t millis() override { return now; }
};

class Sensor : public hb::Sensor {
 public:
  bool ok = true;
  float t = 23.4f, h = 45.0f;
  int reads = 0;
  bool read(float* temperature, float* humidity) override {
    reads++;
    *temperature = ok ? t : NAN;
    *humidity = ok ? h : NAN;
    return ok;
  }
};

class Radio : public hb::Radio {
 public:
  bool up = true;
  std::string ssid, password;
  int begins = 0;
  void begin(const char* s, const char* p) override {
    ssid = s;
    password = p;
    begins++;
  }
  bool connected() override { return up; }
  void local_ip(hb::Text& out) override { out.add("10.0.0.7"); }
};

class Storage : public hb::Storage {
 public:
  std::vector<uint8_t> data = std::vector<uint8_t>(hb::kSettingsImageSize, 0xFF);
  bool fail = false;
  int saves = 0;
  bool load(uint8_t* out, size_t len) override {
    if (fail) return false;
    std::memcpy(out, data.data(), len);
    return true;
  }
  bool save(const uint8_t* in, size_t len) override {
    if (fail) return false;
    data.assign(in, in + len);
    saves++;
    return true;
  }
};

class Output : public hb::Output {
 public:
  std::string text;
  void write(const char* data, size_t len) override { text.append(data, len); }
  // The lines written since the last call, CR LF removed.
  std::vector<std::string> take_lines() {
    std::vector<std::string> lines;
    size_t start = 0;
    for (size_t at; (at = text.find("\r\n", start)) != std::string::npos; start = at + 2) {
      lines.push_back(text.substr(start, at - start));
    }
    text.erase(0, start);
    return lines;
  }
};

class Chip : public hb::Chip {
 public:
  uint32_t id = 0xa1b2c3;
  uint32_t random_value = 0x5f3a9c01;
  int restarts = 0;
  uint32_t chip_id() override { return id; }
  uint32_t hardware_random() override { return random_value++; }
  void restart() override { restarts++; }
};

// A TCP peer that the test plays: it accepts or refuses, records every write, and can send lines
// and close.
class Client : public hb::Client {
 public:
  bool accept = true;          // connect() succeeds
  bool open = false;           // the connection is up
  bool peer_closed = false;    // the server closed its end
  size_t write_limit = SIZE_MAX;  // accept at most this many bytes per write (then fail)
  std::string host;
  uint16_t port = 0;
  int connects = 0, stops = 0;
  std::vector<std::string> writes;  // one entry per write() call
  std::string incoming;             // what the server sent, not yet read

  int connect(const char* h, uint16_t p) override {
    connects++;
    host = h;
    port = p;
    if (!accept) return 0;
    open = true;
    peer_closed = false;
    return 1;
  }
  size_t write(const uint8_t* data, size_t len) override {
    if (!open || peer_closed) return 0;
    size_t n = len < write_limit ? len : write_limit;
    writes.emplace_back(reinterpret_cast<const char*>(data), n);
    return n;
  }
  int available() override { return open ? static_cast<int>(incoming.size()) : 0; }
  int read(uint8_t* buf, size_t len) override {
    size_t n = len < incoming.size() ? len : incoming.size();
    std::memcpy(buf, incoming.data(), n);
    incoming.erase(0, n);
    return static_cast<int>(n);
  }
  uint8_t connected() override { return open && (!peer_closed || !incoming.empty()) ? 1 : 0; }
  void stop() override {
    if (open) stops++;
    open = false;
  }
  // Everything written, in order.
  std::string all_written() const {
    std::string s;
    for (const std::string& w : writes) s += w;
    return s;
  }
};

// A node on fake hardware, with helpers to let time pass.
struct Rig {
  Clock clock;
  Sensor sensor;
  Radio radio;
  Storage storage;
  Output serial;
  Chip chip;
  Client client;
  hb::Node node{hb::Hardware{client, clock, sensor, radio, storage, serial, chip}};
  std::vector<std::string> log;  // every line the node printed so far

  // Runs the node for `ms` in steps of `step` ms.
  void run(uint32_t ms, uint32_t step = 10) {
    for (uint32_t t = 0; t < ms; t += step) {
      clock.now += step;
      node.poll();
      collect();
    }
  }
  void type(const std::string& text) {
    node.console_input(text.data(), text.size());
    collect();
  }
  void collect() {
    for (std::string& line : serial.take_lines()) log.push_back(line);
  }
  bool logged(const std::string& line) const {
    for (const std::string& l : log) {
      if (l == line) return true;
    }
    return false;
  }
  // Lines that start with `prefix`.
  std::vector<std::string> lines(const std::string& prefix) const {
    std::vector<std::string> out;
    for (const std::string& l : log) {
      if (l.rfind(prefix, 0) == 0) out.push_back(l);
    }
    return out;
  }
  std::string last_reply() const {
    for (auto it = log.rbegin(); it != log.rend(); ++it) {
      if (it->rfind("OK ", 0) == 0 || it->rfind("ERR ", 0) == 0) return *it;
    }
    return "";
  }
};

}  // namespace fakes
