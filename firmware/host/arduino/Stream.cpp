#include "Stream.h"

#include <string.h>

#include "Arduino.h"

int Stream::timed_read() {
  unsigned long start = millis();
  do {
    int c = read();
    if (c >= 0) return c;
    delay(1);
  } while (millis() - start < timeout_ms_);
  return -1;
}

int Stream::timed_peek() {
  unsigned long start = millis();
  do {
    int c = peek();
    if (c >= 0) return c;
    delay(1);
  } while (millis() - start < timeout_ms_);
  return -1;
}

size_t Stream::readBytes(char* buffer, size_t length) {
  size_t n = 0;
  while (n < length) {
    int c = timed_read();
    if (c < 0) break;
    buffer[n++] = static_cast<char>(c);
  }
  return n;
}

size_t Stream::readBytesUntil(char terminator, char* buffer, size_t length) {
  size_t n = 0;
  while (n < length) {
    int c = timed_read();
    if (c < 0 || c == terminator) break;
    buffer[n++] = static_cast<char>(c);
  }
  return n;
}

String Stream::readString() {
  String s;
  for (int c; (c = timed_read()) >= 0;) s += static_cast<char>(c);
  return s;
}

String Stream::readStringUntil(char terminator) {
  String s;
  for (int c; (c = timed_read()) >= 0 && c != terminator;) s += static_cast<char>(c);
  return s;
}

long Stream::parseInt() {
  int c;
  while ((c = timed_peek()) >= 0 && c != '-' && (c < '0' || c > '9')) read();
  if (c < 0) return 0;
  bool negative = false;
  long value = 0;
  while ((c = timed_peek()) >= 0) {
    if (c == '-' && !negative && value == 0) {
      negative = true;
    } else if (c >= '0' && c <= '9') {
      value = value * 10 + (c - '0');
    } else {
      break;
    }
    read();
  }
  return negative ? -value : value;
}

float Stream::parseFloat() {
  String s;
  int c;
  while ((c = timed_peek()) >= 0 && c != '-' && c != '.' && (c < '0' || c > '9')) read();
  while ((c = timed_peek()) >= 0 && (c == '-' || c == '.' || (c >= '0' && c <= '9'))) s += static_cast<char>(read());
  return s.toFloat();
}

bool Stream::find(const char* target) {
  size_t len = strlen(target), matched = 0;
  if (len == 0) return true;
  for (int c; (c = timed_read()) >= 0;) {
    matched = c == target[matched] ? matched + 1 : (c == target[0] ? 1 : 0);
    if (matched == len) return true;
  }
  return false;
}
