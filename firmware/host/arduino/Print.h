// Arduino's Print: text and numbers to a byte sink; println() ends lines with CR LF.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "Printable.h"
#include "WString.h"

#define DEC 10
#define HEX 16
#define OCT 8
#define BIN 2

class Print {
 public:
  virtual ~Print() = default;
  virtual size_t write(uint8_t c) = 0;
  virtual size_t write(const uint8_t* buffer, size_t size);
  size_t write(const char* str);
  size_t write(const char* buffer, size_t size) { return write(reinterpret_cast<const uint8_t*>(buffer), size); }
  virtual void flush() {}
  virtual int availableForWrite() { return 0; }

  size_t printf(const char* format, ...) __attribute__((format(printf, 2, 3)));

  size_t print(const char* s);
  size_t print(const String& s);
  size_t print(char c);
  size_t print(unsigned char n, int base = DEC);
  size_t print(int n, int base = DEC);
  size_t print(unsigned int n, int base = DEC);
  size_t print(long n, int base = DEC);
  size_t print(unsigned long n, int base = DEC);
  size_t print(long long n, int base = DEC);
  size_t print(unsigned long long n, int base = DEC);
  size_t print(double n, int digits = 2);
  size_t print(const Printable& p);

  size_t println();
  template <typename T>
  size_t println(const T& value) {
    size_t n = print(value);
    return n + println();
  }
  template <typename T>
  size_t println(const T& value, int format) {
    size_t n = print(value, format);
    return n + println();
  }

 private:
  size_t print_number(unsigned long long n, int base);
  size_t print_float(double n, int digits);
};
