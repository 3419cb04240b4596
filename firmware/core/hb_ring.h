// A bounded FIFO in a fixed array: the node's store of readings not yet sent or acknowledged.
#pragma once

#include <stddef.h>

namespace hb {

template <typename T, size_t N>
class Ring {
  static_assert(N > 0, "a ring needs room for one item");

 public:
  size_t size() const { return count_; }
  static constexpr size_t capacity() { return N; }
  bool empty() const { return count_ == 0; }
  bool full() const { return count_ == N; }

  // Item `i` counted from the oldest (0).
  T& at(size_t i) { return items_[(head_ + i) % N]; }
  const T& at(size_t i) const { return items_[(head_ + i) % N]; }
  T& front() { return at(0); }

  // Appends; when full, the oldest item is evicted into `*evicted` and true is returned.
  bool push(const T& item, T* evicted) {
    bool evict = full();
    if (evict) {
      if (evicted != nullptr) *evicted = items_[head_];
      pop_front();
    }
    items_[(head_ + count_) % N] = item;
    count_++;
    return evict;
  }

  void pop_front() {
    if (count_ == 0) return;
    head_ = (head_ + 1) % N;
    count_--;
  }

  void clear() {
    head_ = 0;
    count_ = 0;
  }

 private:
  T items_[N] = {};
  size_t head_ = 0;
  size_t count_ = 0;
};

}  // namespace hb
