// Waiting for a condition in a test: poll it until it holds or the time is up (the C++ stand-in
// for Awaitility). Every wait has a timeout and says what it waited for when it gives up.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <thread>

#include "hbtest.h"

namespace hbtest {

inline bool wait_until(const std::function<bool()>& condition, int timeout_ms, const std::string& what) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  for (;;) {
    if (condition()) return true;
    if (std::chrono::steady_clock::now() >= deadline) {
      fail(__FILE__, __LINE__, "timed out after " + std::to_string(timeout_ms) + " ms waiting for: " + what);
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));  // poll interval, not a wait for the condition
  }
}

inline long elapsed_ms(std::chrono::steady_clock::time_point since) {
  return static_cast<long>(
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - since).count());
}

}  // namespace hbtest
