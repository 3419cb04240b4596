#include "pacer.h"

#include <time.h>

namespace hb_host {

Pacer::Pacer(uint32_t baud) : baud_(baud), last_ns_(now_ns()) {}

int64_t Pacer::now_ns() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

void Pacer::refill(int64_t now) {
  double bytes_per_ns = baud_ / 10.0 / 1e9;
  tokens_ += (now - last_ns_) * bytes_per_ns;
  if (tokens_ > kFifoBytes) tokens_ = kFifoBytes;
  last_ns_ = now;
}

size_t Pacer::allowance(int64_t now) {
  if (!paced()) return SIZE_MAX;
  refill(now);
  return tokens_ < 0 ? 0 : static_cast<size_t>(tokens_);
}

void Pacer::consume(size_t bytes) {
  if (paced()) tokens_ -= static_cast<double>(bytes);
}

int64_t Pacer::wait_ns(size_t bytes, int64_t now) {
  if (!paced()) return 0;
  refill(now);
  double missing = static_cast<double>(bytes) - tokens_;
  if (missing <= 0) return 0;
  return static_cast<int64_t>(missing * 10.0 * 1e9 / baud_) + 1;
}

}  // namespace hb_host
