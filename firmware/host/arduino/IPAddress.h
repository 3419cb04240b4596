#pragma once

#include <stdint.h>

#include "Printable.h"
#include "WString.h"

class IPAddress : public Printable {
 public:
  IPAddress() = default;
  IPAddress(uint8_t a, uint8_t b, uint8_t c, uint8_t d) : bytes_{a, b, c, d} {}
  explicit IPAddress(uint32_t network_order);  // as lwIP stores it: first octet in the low byte
  bool fromString(const char* text);
  bool fromString(const String& text) { return fromString(text.c_str()); }
  String toString() const;
  bool isSet() const { return bytes_[0] | bytes_[1] | bytes_[2] | bytes_[3]; }
  uint8_t operator[](int index) const { return bytes_[index & 3]; }
  uint8_t& operator[](int index) { return bytes_[index & 3]; }
  operator uint32_t() const;
  bool operator==(const IPAddress& other) const;
  bool operator!=(const IPAddress& other) const { return !(*this == other); }
  size_t printTo(Print& p) const override;

 private:
  uint8_t bytes_[4] = {0, 0, 0, 0};
};
