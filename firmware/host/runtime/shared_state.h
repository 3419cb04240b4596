// What the board (the supervisor process) and the running sketch (its child process) share: the
// side channel's switches. It lives in a MAP_SHARED page created before the sketch is forked, so
// a `wifi down` typed on the side channel reaches the sketch without any message passing.
#pragma once

#include <atomic>

namespace hb_host {

struct SharedState {
  std::atomic<bool> wifi_up{true};
  std::atomic<bool> sensor_fail{false};
  std::atomic<float> temperature{23.4f};
  std::atomic<float> humidity{45.0f};
};
static_assert(std::atomic<float>::is_always_lock_free, "shared across processes: must be lock-free");
static_assert(std::atomic<bool>::is_always_lock_free, "shared across processes: must be lock-free");

// A SharedState in anonymous shared memory; never freed (it lives as long as the board).
SharedState* create_shared_state();

}  // namespace hb_host
