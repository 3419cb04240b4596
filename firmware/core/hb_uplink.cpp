#include "hb_uplink.h"

#include "hb_line_codec.h"

namespace hb {
namespace {
bool reached(uint32_t now, uint32_t due) { return static_cast<int32_t>(now - due) >= 0; }
}  // namespace

Uplink::Uplink(Client& client, Clock& clock, Log& log, Rng& rng)
    : client_(client), clock_(clock), log_(log), rng_(rng) {}

void Uplink::configure(const char* host, uint16_t port, const Hello& hello) {
  host_ = host;
  port_ = port;
  hello_ = hello;
}

void Uplink::poll(bool network_up, bool silenced) {
  if (silenced) return;
  uint32_t now = clock_.millis();
  switch (state_) {
    case State::kConnected:
      if (!network_up) {
        disconnect("wifi_down");
        return;
      }
      read_incoming();
      return;
    case State::kIdle:
      if (network_up && host_[0] != '\0') attempt(now);
      return;
    case State::kWaiting:
      if (network_up && host_[0] != '\0' && reached(now, due_ms_)) attempt(now);
      return;
    case State::kSlowConnect:
      if (network_up && host_[0] != '\0' && reached(now, due_ms_)) connect_now();
      return;
  }
}

void Uplink::attempt(uint32_t now) {
  // The fault's probability is rolled once per attempt, and the jitter drawn only if it fired.
  if (slow_ppm_ > 0 && rng_.chance(slow_ppm_)) {
    int64_t wait = slow_delay_ms_;
    if (slow_jitter_ms_ > 0) wait += static_cast<int64_t>(rng_.up_to(2 * slow_jitter_ms_)) - slow_jitter_ms_;
    if (wait > 0) {
      state_ = State::kSlowConnect;
      due_ms_ = now + static_cast<uint32_t>(wait);
      return;
    }
  }
  connect_now();
}

void Uplink::connect_now() {
  if (client_.connect(host_, port_) == 1) {
    TextBuf<160> hello;
    encode_hello(hello_.device, hello_.fw, hello_.boot, hello_.ack, hello);
    hello.add("\r\n");
    framer_.reset();
    state_ = State::kConnected;
    connected_at_ = clock_.millis();
    log_.event("connect ok").server(host_, port_).emit();
    send(reinterpret_cast<const uint8_t*>(hello.c_str()), hello.size());
    return;
  }
  client_.stop();
  uint32_t delay = backoff_.next_delay(rng_);
  state_ = State::kWaiting;
  due_ms_ = clock_.millis() + delay;
  log_.event("connect fail").server(host_, port_).u32("backoff_ms", delay).emit();
}

bool Uplink::send(const uint8_t* data, size_t len) {
  if (state_ != State::kConnected) return false;
  size_t written = client_.write(data, len);
  if (written == len) return true;
  disconnect("write_failed");
  return false;
}

void Uplink::disconnect(const char* reason) {
  if (state_ != State::kConnected) return;
  client_.stop();
  framer_.reset();
  uint32_t now = clock_.millis();
  if (now - connected_at_ >= kStableMs) backoff_.reset();
  uint32_t delay = backoff_.next_delay(rng_);
  state_ = State::kWaiting;
  due_ms_ = now + delay;
  log_.event("disconnect").str("reason", reason).u32("backoff_ms", delay).emit();
  if (listener_ != nullptr) listener_->on_disconnected();
}

void Uplink::restart(const char* reason) {
  bool was_connected = state_ == State::kConnected;
  state_ = State::kIdle;  // connects again at the next poll, without a backoff delay
  framer_.reset();
  backoff_.reset();
  if (!was_connected) return;
  client_.stop();
  log_.event("disconnect").str("reason", reason).u32("backoff_ms", 0).emit();
  if (listener_ != nullptr) listener_->on_disconnected();
}

void Uplink::read_incoming() {
  uint8_t buf[64];
  while (state_ == State::kConnected && client_.available() > 0) {
    int n = client_.read(buf, sizeof(buf));
    if (n <= 0) break;
    framer_.feed(buf, static_cast<size_t>(n), *this);
  }
  if (state_ == State::kConnected && !client_.connected()) disconnect("peer_closed");
}

void Uplink::line(const uint8_t* data, size_t len) {
  DecodedLine d = decode_line(data, len);
  if (d.kind == LineKind::kAck && listener_ != nullptr) listener_->on_ack(d.seq);
}

}  // namespace hb
