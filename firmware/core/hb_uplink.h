// The connection to the server: connect when due, say hello, read acks, notice a dead link,
// and wait a backoff delay (exponential, full jitter) before every attempt after a failure.
//
//   idle ──connect ok──▶ connected ──peer closed / write failed / Wi-Fi lost──▶ waiting
//     ▲                                                                          │
//     └──────────────── backoff delay over (slow_connect: plus its wait) ◀───────┘
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "hb_backoff.h"
#include "hb_hardware.h"
#include "hb_line_framer.h"
#include "hb_log.h"
#include "hb_rng.h"

namespace hb {

class UplinkListener {
 public:
  virtual void on_ack(uint32_t seq) = 0;
  virtual void on_disconnected() = 0;

 protected:
  ~UplinkListener() = default;  // never deleted through the interface (no heap)
};

struct Hello {
  const char* device;
  const char* fw;
  const char* boot;
  bool ack;
};

class Uplink final : private FrameSink {
 public:
  // A connection that lasted this long resets the backoff: the server was back for real.
  static constexpr uint32_t kStableMs = 10000;

  Uplink(Client& client, Clock& clock, Log& log, Rng& rng);

  // The strings must outlive the uplink (they live in the node's settings).
  void configure(const char* host, uint16_t port, const Hello& hello);
  void set_backoff(uint32_t base_ms, uint32_t cap_ms) { backoff_.configure(base_ms, cap_ms); }
  // The slow_connect fault: with probability ppm per attempt, the attempt waits delay +/- jitter
  // first (ppm 0: never).
  void set_slow_connect(uint32_t ppm, uint32_t delay_ms, uint32_t jitter_ms) {
    slow_ppm_ = ppm;
    slow_delay_ms_ = delay_ms;
    slow_jitter_ms_ = jitter_ms;
  }
  void set_listener(UplinkListener* listener) { listener_ = listener; }

  // One step. `network_up`: Wi-Fi associated. `silenced`: the silence fault, which leaves the
  // connection exactly as it is, reading nothing and writing nothing.
  void poll(bool network_up, bool silenced);

  // Connected and the hello is out: readings may be written.
  bool ready() const { return state_ == State::kConnected; }
  // Writes all of it, or disconnects (reason write_failed) and returns false.
  bool send(const uint8_t* data, size_t len);
  // Drops the connection (if any) and schedules the next attempt after a backoff delay.
  void disconnect(const char* reason);
  // Settings changed (server, device, mode): drop the connection and connect again at once.
  void restart(const char* reason);

 private:
  enum class State : uint8_t { kIdle, kWaiting, kSlowConnect, kConnected };

  void attempt(uint32_t now);  // through the slow_connect wait, if that fault fires
  void connect_now();
  void read_incoming();
  void line(const uint8_t* data, size_t len) override;
  void oversize(const uint8_t*, size_t) override {}
  void truncated(const uint8_t*, size_t) override {}

  Client& client_;
  Clock& clock_;
  Log& log_;
  Rng& rng_;
  Backoff backoff_{500, 30000};
  UplinkListener* listener_ = nullptr;
  FixedLineFramer<80> framer_;  // what a server sends is short: "#ack <seq>"

  const char* host_ = "";
  uint16_t port_ = 0;
  Hello hello_{"", "", "", false};
  uint32_t slow_ppm_ = 0;
  uint32_t slow_delay_ms_ = 0;
  uint32_t slow_jitter_ms_ = 0;

  State state_ = State::kIdle;
  uint32_t due_ms_ = 0;        // kWaiting, kSlowConnect: when to go on
  uint32_t connected_at_ = 0;  // kConnected
};

}  // namespace hb
