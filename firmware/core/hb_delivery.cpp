#include "hb_delivery.h"

namespace hb {

void Delivery::set_mode(DeliveryMode mode) {
  if (mode_ == DeliveryMode::kAck && mode != DeliveryMode::kAck) {
    // Outside ack mode a written reading counts as delivered.
    for (; written_ > 0; written_--) ring_.pop_front();
  }
  mode_ = mode;
}

void Delivery::accept(const Reading& r, bool link_ready) {
  if (mode_ == DeliveryMode::kClassroom && !link_ready) {
    lost(r.seq, "not_connected");
    return;
  }
  Reading evicted;
  if (ring_.push(r, &evicted)) {
    if (written_ > 0) {
      // It went out but its ack never came: it may be stored or not, the node gives up on it.
      written_--;
      log_.event("unacked").u32("seq", evicted.seq).str("reason", "ring_full").emit();
    } else {
      lost(evicted.seq, "ring_full");
    }
  }
  if (!link_ready) log_.event("buffered").u32("count", static_cast<uint32_t>(ring_.size())).emit();
}

void Delivery::pump(Uplink& uplink, size_t batch) {
  if (batch < 1) batch = 1;
  if (batch > kMaxBatch) batch = kMaxBatch;
  while (uplink.ready()) {
    size_t unsent = ring_.size() - written_;
    if (unsent == 0 || unsent < batch) return;
    Text& out = tx_;
    out.clear();
    for (size_t i = 0; i < batch; i++) {
      encode_reading(ring_.at(written_ + i), out);
      out.add("\r\n");
    }
    if (!uplink.send(reinterpret_cast<const uint8_t*>(out.c_str()), out.size())) return;
    for (size_t i = 0; i < batch; i++) {
      const Reading& r = ring_.at(written_ + i);
      log_.event("sent").u32("seq", r.seq).u32("millis", r.millis).fixed("t", r.temperature, 1)
          .fixed("h", r.humidity, 1).emit();
    }
    if (mode_ == DeliveryMode::kAck) {
      written_ += batch;
    } else {
      for (size_t i = 0; i < batch; i++) ring_.pop_front();
    }
  }
}

void Delivery::on_ack(uint32_t seq) {
  if (mode_ != DeliveryMode::kAck) return;
  uint32_t released = 0;
  while (written_ > 0 && ring_.front().seq <= seq) {
    ring_.pop_front();
    written_--;
    released++;
  }
  log_.event("ack").u32("seq", seq).u32("released", released).emit();
}

void Delivery::on_disconnected() {
  if (mode_ == DeliveryMode::kClassroom) {
    // A batch the coalesce fault was holding never made it out.
    while (!ring_.empty()) {
      lost(ring_.front().seq, "disconnected");
      ring_.pop_front();
    }
  }
  written_ = 0;  // ack mode: everything unacknowledged goes out again after the reconnect
}

void Delivery::lost(uint32_t seq, const char* reason) {
  log_.event("lost").u32("seq", seq).str("reason", reason).emit();
}

}  // namespace hb
