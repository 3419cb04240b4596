// Serial: UART0 of the virtual NodeMCU, on the pseudo-terminal whose path the board printed.
// The baud rate passed to begin() is accepted and ignored (a pty has none); --pace-baud paces.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "Stream.h"

#define SERIAL_8N1 0x1c

class HardwareSerial : public Stream {
 public:
  void begin(unsigned long baud) { begin(baud, SERIAL_8N1); }
  void begin(unsigned long baud, int config);
  void end() {}
  void setDebugOutput(bool) {}
  int available() override;
  int read() override;
  int peek() override;
  size_t read(uint8_t* buffer, size_t size);
  size_t write(uint8_t c) override;
  size_t write(const uint8_t* buffer, size_t size) override;
  using Print::write;
  void flush() override {}
  int availableForWrite() override { return 128; }
  explicit operator bool() const { return true; }

 private:
  void fill();
  uint8_t rx_[256];  // the core's RX buffer
  size_t rx_head_ = 0, rx_len_ = 0;
};

extern HardwareSerial Serial;
