#include "hb_rng.h"

namespace hb {

namespace {
constexpr uint64_t kMultiplier = 6364136223846793005ull;
constexpr uint64_t kIncrement = 1442695040888963407ull;
}  // namespace

void Rng::reseed(uint64_t seed) {
  state_ = 0;
  next();
  state_ += seed;
  next();
}

uint32_t Rng::next() {
  uint64_t old = state_;
  state_ = old * kMultiplier + kIncrement;
  uint32_t xorshifted = static_cast<uint32_t>(((old >> 18u) ^ old) >> 27u);
  uint32_t rot = static_cast<uint32_t>(old >> 59u);
  return (xorshifted >> rot) | (xorshifted << ((32 - rot) & 31));
}

uint32_t Rng::up_to(uint32_t bound) {
  if (bound == 0xFFFFFFFFu) return next();
  // Multiply-shift: the bias is below 2^-32 * bound, nothing a backoff or a fault can notice.
  return static_cast<uint32_t>((static_cast<uint64_t>(next()) * (static_cast<uint64_t>(bound) + 1)) >> 32);
}

bool Rng::chance(uint32_t ppm) {
  if (ppm == 0) return false;
  if (ppm >= 1000000) return true;
  return up_to(999999) < ppm;
}

}  // namespace hb
