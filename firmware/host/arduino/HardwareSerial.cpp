#include "HardwareSerial.h"

#include "../runtime/chip_context.h"

HardwareSerial Serial;

void HardwareSerial::begin(unsigned long, int) {}

void HardwareSerial::fill() {
  hb_host::Uart* uart = hb_host::chip_context().serial;
  if (uart == nullptr || rx_len_ == sizeof(rx_)) return;
  if (rx_head_ > 0) {
    for (size_t i = 0; i < rx_len_; i++) rx_[i] = rx_[rx_head_ + i];
    rx_head_ = 0;
  }
  rx_len_ += uart->read(rx_ + rx_len_, sizeof(rx_) - rx_len_);
}

int HardwareSerial::available() {
  fill();
  return static_cast<int>(rx_len_);
}

int HardwareSerial::read() {
  if (rx_len_ == 0) fill();
  if (rx_len_ == 0) return -1;
  rx_len_--;
  return rx_[rx_head_++];
}

int HardwareSerial::peek() {
  if (rx_len_ == 0) fill();
  return rx_len_ == 0 ? -1 : rx_[rx_head_];
}

size_t HardwareSerial::read(uint8_t* buffer, size_t size) {
  size_t n = 0;
  for (int c; n < size && (c = read()) >= 0;) buffer[n++] = static_cast<uint8_t>(c);
  return n;
}

size_t HardwareSerial::write(uint8_t c) { return write(&c, 1); }

size_t HardwareSerial::write(const uint8_t* buffer, size_t size) {
  hb_host::Uart* uart = hb_host::chip_context().serial;
  if (uart != nullptr) uart->write(buffer, size);
  return size;
}
