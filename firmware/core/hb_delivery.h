// What happens to each reading after the sensor: the delivery modes over one bounded ring.
//
//   classroom  sent if connected, else lost (logged); nothing kept.
//   buffered   kept in the ring until written; resent after reconnecting.
//   ack        kept until the server's cumulative `#ack <seq>` covers it; after a reconnect
//              every unacknowledged reading is written again (the server drops duplicates).
// When the ring is full the oldest reading is evicted: `HB lost ... reason=ring_full` if it never
// went out, `HB unacked ... reason=ring_full` if it was written and its ack never came.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "hb_line_codec.h"
#include "hb_log.h"
#include "hb_ring.h"
#include "hb_settings.h"
#include "hb_uplink.h"

namespace hb {

constexpr size_t kRingCapacity = 128;  // 2 KB of RAM: ten minutes of readings at the 5 s default
constexpr size_t kMaxBatch = 16;       // readings in one write (the coalesce fault's limit)

class Delivery {
 public:
  explicit Delivery(Log& log) : log_(log) {}

  void set_mode(DeliveryMode mode);
  DeliveryMode mode() const { return mode_; }

  // A reading generated this cycle; `link_ready`: the uplink can take it now.
  void accept(const Reading& r, bool link_ready);
  // Writes what is due, `batch` readings per write (the coalesce fault; 1 otherwise). A partial
  // batch waits until it fills.
  void pump(Uplink& uplink, size_t batch);
  void on_ack(uint32_t seq);
  void on_disconnected();

  size_t buffered() const { return ring_.size(); }              // held in RAM, sent or not
  size_t unacknowledged() const { return written_; }            // ack mode: written, not yet acked

 private:
  void lost(uint32_t seq, const char* reason);

  Log& log_;
  DeliveryMode mode_ = DeliveryMode::kAck;
  Ring<Reading, kRingCapacity> ring_;
  TextBuf<kMaxBatch * 40> tx_;  // "4294967295,4294967295,-40.0,100.0\r\n" is 35 bytes
  size_t written_ = 0;  // ack mode: ring entries [0, written_) are on the wire, awaiting their ack
};

}  // namespace hb
