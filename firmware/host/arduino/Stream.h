// Arduino's Stream: a Print that can also be read, with the timed helpers sketches use.
#pragma once

#include "Print.h"
#include "WString.h"

class Stream : public Print {
 public:
  virtual int available() = 0;
  virtual int read() = 0;
  virtual int peek() = 0;

  void setTimeout(unsigned long ms) { timeout_ms_ = ms; }
  unsigned long getTimeout() const { return timeout_ms_; }

  size_t readBytes(char* buffer, size_t length);
  size_t readBytes(uint8_t* buffer, size_t length) { return readBytes(reinterpret_cast<char*>(buffer), length); }
  size_t readBytesUntil(char terminator, char* buffer, size_t length);
  String readString();
  String readStringUntil(char terminator);
  long parseInt();
  float parseFloat();
  bool find(const char* target);

 protected:
  int timed_read();
  int timed_peek();
  unsigned long timeout_ms_ = 1000;
};
