// A UART's pace: N baud at 10 bits a byte (start, 8 data, stop), as a token bucket whose depth is
// the ESP8266's 128-byte FIFO. A baud of 0 means unpaced.
#pragma once

#include <cstddef>
#include <cstdint>

namespace hb_host {

class Pacer {
 public:
  static constexpr size_t kFifoBytes = 128;

  explicit Pacer(uint32_t baud = 0);
  bool paced() const { return baud_ != 0; }
  // Bytes that may pass now.
  size_t allowance(int64_t now_ns);
  void consume(size_t bytes);
  // Nanoseconds until `bytes` may pass (0 if they may now).
  int64_t wait_ns(size_t bytes, int64_t now_ns);

  static int64_t now_ns();

 private:
  void refill(int64_t now_ns);
  uint32_t baud_;
  double tokens_ = kFifoBytes;
  int64_t last_ns_ = 0;
};

}  // namespace hb_host
