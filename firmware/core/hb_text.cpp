#include "hb_text.h"

#include <math.h>
#include <string.h>

namespace hb {

Text::Text(char* buf, size_t capacity) : buf_(buf), capacity_(capacity) { clear(); }

void Text::clear() {
  len_ = 0;
  truncated_ = false;
  if (capacity_ > 0) buf_[0] = '\0';
}

Text& Text::add(const char* s, size_t n) {
  size_t room = capacity_ > len_ + 1 ? capacity_ - len_ - 1 : 0;
  if (n > room) {
    n = room;
    truncated_ = true;
  }
  memcpy(buf_ + len_, s, n);
  len_ += n;
  if (capacity_ > 0) buf_[len_] = '\0';
  return *this;
}

Text& Text::add(const char* s) { return add(s, strlen(s)); }

Text& Text::add(char c) { return add(&c, 1); }

Text& Text::add_u32(uint32_t v) {
  char digits[10];
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v != 0);
  char out[10];
  for (int i = 0; i < n; i++) out[i] = digits[n - 1 - i];
  return add(out, static_cast<size_t>(n));
}

Text& Text::add_i32(int32_t v) {
  if (v < 0) {
    add('-');
    return add_u32(static_cast<uint32_t>(-(static_cast<int64_t>(v))));
  }
  return add_u32(static_cast<uint32_t>(v));
}

Text& Text::add_hex(uint32_t v, int min_digits) {
  static const char kHex[] = "0123456789abcdef";
  char out[8];
  int n = 0;
  for (int shift = 28; shift >= 0; shift -= 4) {
    int nibble = static_cast<int>((v >> shift) & 0xF);
    if (n == 0 && nibble == 0 && shift / 4 >= min_digits) continue;
    out[n++] = kHex[nibble];
  }
  return add(out, static_cast<size_t>(n));
}

Text& Text::add_fixed(double v, int decimals) {
  if (isnan(v)) return add("nan");
  if (isinf(v)) return add(v < 0 ? "-inf" : "inf");
  if (decimals < 0) decimals = 0;
  if (decimals > 6) decimals = 6;
  uint32_t scale = 1;
  for (int i = 0; i < decimals; i++) scale *= 10;
  double magnitude = fabs(v) * scale + 0.5;
  if (magnitude >= 4294967295.0 * 1000.0) return add(v < 0 ? "-ovf" : "ovf");
  uint64_t scaled = static_cast<uint64_t>(magnitude);
  if (v < 0 && scaled != 0) add('-');
  uint64_t whole = scaled / scale;
  if (whole > 0xFFFFFFFFu) return add("ovf");
  add_u32(static_cast<uint32_t>(whole));
  if (decimals > 0) {
    add('.');
    uint32_t frac = static_cast<uint32_t>(scaled % scale);
    for (uint32_t div = scale / 10; div > 0; div /= 10) {
      add(static_cast<char>('0' + (frac / div) % 10));
    }
  }
  return *this;
}

bool equals(const char* a, const char* b) { return strcmp(a, b) == 0; }

bool copy_string(char* dst, size_t capacity, const char* src) {
  size_t n = strlen(src);
  if (n + 1 > capacity) return false;
  memcpy(dst, src, n + 1);
  return true;
}

bool parse_u32(const char* s, size_t n, uint32_t* out) {
  if (n == 0) return false;
  uint64_t v = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + static_cast<uint64_t>(s[i] - '0');
    if (v > 0xFFFFFFFFu) return false;
  }
  *out = static_cast<uint32_t>(v);
  return true;
}

bool parse_u32(const char* s, uint32_t* out) { return parse_u32(s, strlen(s), out); }

}  // namespace hb
