#include "WString.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

namespace {

std::string in_base(unsigned long long value, unsigned char base) {
  if (base < 2 || base > 36) base = 10;
  std::string digits;
  do {
    unsigned d = static_cast<unsigned>(value % base);
    digits.insert(digits.begin(), static_cast<char>(d < 10 ? '0' + d : 'a' + d - 10));
    value /= base;
  } while (value != 0);
  return digits;
}

std::string signed_in_base(long long value, unsigned char base) {
  if (value < 0 && base == 10) return "-" + in_base(static_cast<unsigned long long>(-(value + 1)) + 1, base);
  // Like the ESP8266 core's ltoa in another base: the two's complement bits of a 32-bit long.
  return in_base(value < 0 ? static_cast<uint32_t>(value) : static_cast<unsigned long long>(value), base);
}

// As the ESP8266 core's dtostrf: fixed point, "nan"/"inf" for the rest.
std::string fixed(double value, unsigned char decimals) {
  if (isnan(value)) return "nan";
  if (isinf(value)) return value < 0 ? "-inf" : "inf";
  char buf[64];
  snprintf(buf, sizeof(buf), "%.*f", static_cast<int>(decimals), value);
  return buf;
}

}  // namespace

String::String(const char* s) : s_(s != nullptr ? s : "") {}
String::String(char c) : s_(1, c) {}
String::String(unsigned char value, unsigned char base) : s_(in_base(value, base)) {}
String::String(int value, unsigned char base) : s_(signed_in_base(value, base)) {}
String::String(unsigned int value, unsigned char base) : s_(in_base(value, base)) {}
String::String(long value, unsigned char base) : s_(signed_in_base(value, base)) {}
String::String(unsigned long value, unsigned char base) : s_(in_base(value, base)) {}
String::String(long long value, unsigned char base) : s_(signed_in_base(value, base)) {}
String::String(unsigned long long value, unsigned char base) : s_(in_base(value, base)) {}
String::String(float value, unsigned char decimals) : s_(fixed(value, decimals)) {}
String::String(double value, unsigned char decimals) : s_(fixed(value, decimals)) {}

bool String::reserve(unsigned int size) {
  s_.reserve(size);
  return true;
}

String& String::operator+=(const String& rhs) {
  s_ += rhs.s_;
  return *this;
}
String& String::operator+=(const char* rhs) {
  if (rhs != nullptr) s_ += rhs;
  return *this;
}
String& String::operator+=(char rhs) {
  s_ += rhs;
  return *this;
}
String& String::operator+=(int rhs) { return *this += String(rhs); }
String& String::operator+=(unsigned int rhs) { return *this += String(rhs); }
String& String::operator+=(long rhs) { return *this += String(rhs); }
String& String::operator+=(unsigned long rhs) { return *this += String(rhs); }
String& String::operator+=(float rhs) { return *this += String(rhs); }
String& String::operator+=(double rhs) { return *this += String(rhs); }

bool String::equalsIgnoreCase(const String& other) const {
  if (s_.size() != other.s_.size()) return false;
  for (size_t i = 0; i < s_.size(); i++) {
    if (tolower(static_cast<unsigned char>(s_[i])) != tolower(static_cast<unsigned char>(other.s_[i]))) return false;
  }
  return true;
}

bool String::startsWith(const String& prefix) const { return s_.compare(0, prefix.s_.size(), prefix.s_) == 0; }

bool String::endsWith(const String& suffix) const {
  return s_.size() >= suffix.s_.size() && s_.compare(s_.size() - suffix.s_.size(), suffix.s_.size(), suffix.s_) == 0;
}

void String::setCharAt(unsigned int index, char c) {
  if (index < s_.size()) s_[index] = c;
}

char& String::operator[](unsigned int index) {
  static char dummy;
  if (index >= s_.size()) {
    dummy = '\0';
    return dummy;
  }
  return s_[index];
}

void String::getBytes(unsigned char* buf, unsigned int bufsize, unsigned int index) const {
  if (bufsize == 0 || buf == nullptr) return;
  if (index >= s_.size()) {
    buf[0] = '\0';
    return;
  }
  size_t n = std::min<size_t>(bufsize - 1, s_.size() - index);
  memcpy(buf, s_.data() + index, n);
  buf[n] = '\0';
}

int String::indexOf(char c, unsigned int from) const {
  size_t at = s_.find(c, from);
  return at == std::string::npos ? -1 : static_cast<int>(at);
}

int String::indexOf(const String& s, unsigned int from) const {
  size_t at = s_.find(s.s_, from);
  return at == std::string::npos ? -1 : static_cast<int>(at);
}

int String::lastIndexOf(char c) const {
  size_t at = s_.rfind(c);
  return at == std::string::npos ? -1 : static_cast<int>(at);
}

int String::lastIndexOf(const String& s) const {
  size_t at = s_.rfind(s.s_);
  return at == std::string::npos ? -1 : static_cast<int>(at);
}

String String::substring(unsigned int from) const { return substring(from, length()); }

String String::substring(unsigned int from, unsigned int to) const {
  if (from > to) std::swap(from, to);
  if (from >= s_.size()) return String();
  if (to > s_.size()) to = length();
  return String(s_.substr(from, to - from));
}

void String::replace(char find, char replacement) {
  for (char& c : s_) {
    if (c == find) c = replacement;
  }
}

void String::replace(const String& find, const String& replacement) {
  if (find.s_.empty()) return;
  std::string out;
  size_t start = 0;
  for (size_t at; (at = s_.find(find.s_, start)) != std::string::npos; start = at + find.s_.size()) {
    out += s_.substr(start, at - start) + replacement.s_;
  }
  s_ = out + s_.substr(start);
}

void String::remove(unsigned int index) {
  if (index < s_.size()) s_.erase(index);
}

void String::remove(unsigned int index, unsigned int count) {
  if (index < s_.size()) s_.erase(index, count);
}

void String::toLowerCase() {
  for (char& c : s_) c = static_cast<char>(tolower(static_cast<unsigned char>(c)));
}

void String::toUpperCase() {
  for (char& c : s_) c = static_cast<char>(toupper(static_cast<unsigned char>(c)));
}

void String::trim() {
  size_t begin = 0, end = s_.size();
  while (begin < end && isspace(static_cast<unsigned char>(s_[begin]))) begin++;
  while (end > begin && isspace(static_cast<unsigned char>(s_[end - 1]))) end--;
  s_ = s_.substr(begin, end - begin);
}

long String::toInt() const { return atol(s_.c_str()); }
float String::toFloat() const { return static_cast<float>(atof(s_.c_str())); }
double String::toDouble() const { return atof(s_.c_str()); }

String operator+(const String& lhs, const String& rhs) { return String(lhs.str() + rhs.str()); }
String operator+(const String& lhs, const char* rhs) { return String(lhs.str() + (rhs != nullptr ? rhs : "")); }
String operator+(const char* lhs, const String& rhs) { return String((lhs != nullptr ? lhs : "") + rhs.str()); }
String operator+(const String& lhs, char rhs) { return String(lhs.str() + rhs); }
String operator+(const String& lhs, int rhs) { return lhs + String(rhs); }
String operator+(const String& lhs, unsigned int rhs) { return lhs + String(rhs); }
String operator+(const String& lhs, long rhs) { return lhs + String(rhs); }
String operator+(const String& lhs, unsigned long rhs) { return lhs + String(rhs); }
String operator+(const String& lhs, float rhs) { return lhs + String(rhs); }
String operator+(const String& lhs, double rhs) { return lhs + String(rhs); }
