// The node's seeded random stream (PCG32): fault decisions and backoff jitter draw from it, so
// the same seed replays the same decisions.
#pragma once

#include <stdint.h>

namespace hb {

class Rng {
 public:
  explicit Rng(uint64_t seed = 0) { reseed(seed); }

  void reseed(uint64_t seed);
  uint32_t next();
  // Uniform in [0, bound]; bound may be 0xFFFFFFFF.
  uint32_t up_to(uint32_t bound);
  // True with probability ppm / 1,000,000.
  bool chance(uint32_t ppm);

 private:
  uint64_t state_ = 0;
};

}  // namespace hb
