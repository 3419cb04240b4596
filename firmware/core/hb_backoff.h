// Reconnect delays: exponential backoff with full jitter (each delay uniform in
// [0, min(cap, base * 2^attempt)]), so a fleet that lost its server does not come back in step.
#pragma once

#include <stdint.h>

#include "hb_rng.h"

namespace hb {

class Backoff {
 public:
  Backoff(uint32_t base_ms, uint32_t cap_ms) { configure(base_ms, cap_ms); }

  void configure(uint32_t base_ms, uint32_t cap_ms);
  // The delay before the next attempt; each call counts one more failed attempt.
  uint32_t next_delay(Rng& rng);
  // A connection proved stable: the next failure starts from `base` again.
  void reset() { attempt_ = 0; }

  // The upper bound the next delay is drawn under.
  uint32_t ceiling() const;
  uint32_t attempt() const { return attempt_; }

 private:
  uint32_t base_ms_ = 0, cap_ms_ = 0, attempt_ = 0;
};

}  // namespace hb
