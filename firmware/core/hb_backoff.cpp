#include "hb_backoff.h"

namespace hb {

void Backoff::configure(uint32_t base_ms, uint32_t cap_ms) {
  base_ms_ = base_ms;
  cap_ms_ = cap_ms < base_ms ? base_ms : cap_ms;
}

uint32_t Backoff::ceiling() const {
  uint64_t ceiling = base_ms_;
  for (uint32_t i = 0; i < attempt_ && ceiling < cap_ms_; i++) ceiling <<= 1;
  return ceiling > cap_ms_ ? cap_ms_ : static_cast<uint32_t>(ceiling);
}

uint32_t Backoff::next_delay(Rng& rng) {
  uint32_t delay = rng.up_to(ceiling());
  if (attempt_ < 32) attempt_++;
  return delay;
}

}  // namespace hb
