#include "IPAddress.h"

#include <stdio.h>
#include <string.h>

#include "Print.h"

IPAddress::IPAddress(uint32_t network_order) {
  for (int i = 0; i < 4; i++) bytes_[i] = static_cast<uint8_t>(network_order >> (8 * i));
}

bool IPAddress::fromString(const char* text) {
  unsigned a, b, c, d;
  char tail;
  if (sscanf(text, "%u.%u.%u.%u%c", &a, &b, &c, &d, &tail) != 4 || a > 255 || b > 255 || c > 255 || d > 255) {
    return false;
  }
  *this = IPAddress(static_cast<uint8_t>(a), static_cast<uint8_t>(b), static_cast<uint8_t>(c), static_cast<uint8_t>(d));
  return true;
}

String IPAddress::toString() const {
  char buf[16];
  snprintf(buf, sizeof(buf), "%u.%u.%u.%u", bytes_[0], bytes_[1], bytes_[2], bytes_[3]);
  return String(buf);
}

IPAddress::operator uint32_t() const {
  return static_cast<uint32_t>(bytes_[0]) | static_cast<uint32_t>(bytes_[1]) << 8 |
         static_cast<uint32_t>(bytes_[2]) << 16 | static_cast<uint32_t>(bytes_[3]) << 24;
}

bool IPAddress::operator==(const IPAddress& other) const { return memcmp(bytes_, other.bytes_, 4) == 0; }

size_t IPAddress::printTo(Print& p) const { return p.print(toString()); }
