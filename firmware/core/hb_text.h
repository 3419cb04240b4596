// Text built in a fixed buffer: appending past the end truncates instead of allocating, so the
// node formats every log line and every reading without touching the heap.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace hb {

class Text {
 public:
  Text(char* buf, size_t capacity);
  Text(const Text&) = delete;
  Text& operator=(const Text&) = delete;

  void clear();
  Text& add(const char* s);
  Text& add(const char* s, size_t n);
  Text& add(char c);
  Text& add_u32(uint32_t v);
  Text& add_i32(int32_t v);
  Text& add_hex(uint32_t v, int min_digits);
  // `decimals` decimals, rounded half away from zero (as the Java LineCodec.encode); "nan" or
  // "inf" for values that are not finite.
  Text& add_fixed(double v, int decimals);

  const char* c_str() const { return buf_; }
  size_t size() const { return len_; }
  bool truncated() const { return truncated_; }

 private:
  char* buf_;
  size_t capacity_;  // including the terminating NUL
  size_t len_ = 0;
  bool truncated_ = false;
};

template <size_t N>
class TextBuf : public Text {
 public:
  TextBuf() : Text(storage_, N) {}

 private:
  char storage_[N];
};

// String helpers the core needs, without <string.h> surprises on small targets.
bool equals(const char* a, const char* b);
// Copies `src` into `dst` of `capacity` bytes; false (and `dst` unchanged) if it does not fit.
bool copy_string(char* dst, size_t capacity, const char* src);

// Parses an unsigned decimal integer that must fill [s, s+n) and fit in 32 bits.
bool parse_u32(const char* s, size_t n, uint32_t* out);
bool parse_u32(const char* s, uint32_t* out);

}  // namespace hb
