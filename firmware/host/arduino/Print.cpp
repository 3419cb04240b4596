#include "Print.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <string>

size_t Print::write(const uint8_t* buffer, size_t size) {
  size_t n = 0;
  while (size-- > 0) n += write(*buffer++);
  return n;
}

size_t Print::write(const char* str) { return str == nullptr ? 0 : write(str, strlen(str)); }

size_t Print::printf(const char* format, ...) {
  va_list args;
  va_start(args, format);
  va_list copy;
  va_copy(copy, args);
  int len = vsnprintf(nullptr, 0, format, copy);
  va_end(copy);
  if (len <= 0) {
    va_end(args);
    return 0;
  }
  std::string text(static_cast<size_t>(len) + 1, '\0');
  vsnprintf(&text[0], text.size(), format, args);
  va_end(args);
  return write(text.data(), static_cast<size_t>(len));
}

size_t Print::print(const char* s) { return write(s); }
size_t Print::print(const String& s) { return write(s.c_str(), s.length()); }
size_t Print::print(char c) { return write(static_cast<uint8_t>(c)); }
size_t Print::print(unsigned char n, int base) { return print(static_cast<unsigned long long>(n), base); }
// int and long are 32 bits on the ESP8266: a negative number in another base prints as 32 bits.
size_t Print::print(int n, int base) {
  return base == DEC ? print(static_cast<long long>(n), base) : print_number(static_cast<uint32_t>(n), base);
}
size_t Print::print(unsigned int n, int base) { return print(static_cast<unsigned long long>(n), base); }
size_t Print::print(long n, int base) {
  return base == DEC ? print(static_cast<long long>(n), base) : print_number(static_cast<uint32_t>(n), base);
}
size_t Print::print(unsigned long n, int base) { return print(static_cast<unsigned long long>(n), base); }

size_t Print::print(long long n, int base) {
  if (base == 0) return write(static_cast<uint8_t>(n));
  if (base == DEC && n < 0) {
    size_t t = print('-');
    return t + print_number(static_cast<unsigned long long>(-(n + 1)) + 1, DEC);
  }
  return print_number(static_cast<unsigned long long>(n), base);
}

size_t Print::print(unsigned long long n, int base) {
  if (base == 0) return write(static_cast<uint8_t>(n));
  return print_number(n, base);
}

size_t Print::print(double n, int digits) { return print_float(n, digits); }
size_t Print::print(const Printable& p) { return p.printTo(*this); }
size_t Print::println() { return write("\r\n", 2); }

size_t Print::print_number(unsigned long long n, int base) {
  if (base < 2) base = 10;
  char buf[8 * sizeof(n) + 1];
  char* p = &buf[sizeof(buf) - 1];
  *p = '\0';
  do {
    int digit = static_cast<int>(n % static_cast<unsigned>(base));
    n /= static_cast<unsigned>(base);
    *--p = static_cast<char>(digit < 10 ? '0' + digit : 'A' + digit - 10);
  } while (n != 0);
  return write(p);
}

// As the ESP8266 core prints floats: "nan", "inf", "ovf" beyond the 32-bit range, rounding to
// `digits` decimals.
size_t Print::print_float(double number, int digits) {
  if (isnan(number)) return print("nan");
  if (isinf(number)) return print("inf");
  if (number > 4294967040.0 || number < -4294967040.0) return print("ovf");
  size_t n = 0;
  if (number < 0.0) {
    n += print('-');
    number = -number;
  }
  double rounding = 0.5;
  for (int i = 0; i < digits; i++) rounding /= 10.0;
  number += rounding;
  unsigned long whole = static_cast<unsigned long>(number);
  double remainder = number - static_cast<double>(whole);
  n += print(whole);
  if (digits > 0) n += print('.');
  while (digits-- > 0) {
    remainder *= 10.0;
    int digit = static_cast<int>(remainder);
    n += print(static_cast<char>('0' + digit));
    remainder -= digit;
  }
  return n;
}
