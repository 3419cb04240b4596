#include "Esp.h"

#include <sys/random.h>

#include "../runtime/chip_context.h"

EspClass ESP;

uint32_t EspClass::getChipId() { return hb_host::chip_context().chip_id; }

uint32_t EspClass::getFlashChipId() { return hb_host::chip_context().flash_chip_id; }

uint32_t EspClass::getFlashChipRealSize() {
  uint32_t capacity = (hb_host::chip_context().flash_chip_id >> 16) & 0xFF;  // JEDEC: 2^capacity bytes
  return capacity >= 10 && capacity < 32 ? 1u << capacity : 0;
}

String EspClass::getResetReason() { return String(hb_host::chip_context().reset_reason.c_str()); }

void EspClass::restart() { hb_host::chip_exit(hb_host::kExitRestart); }

void EspClass::reset() { hb_host::chip_exit(hb_host::kExitRestart); }

uint32_t EspClass::random() {
  uint32_t value = 0;
  random(reinterpret_cast<uint8_t*>(&value), sizeof(value));
  return value;
}

void EspClass::random(uint8_t* buffer, size_t length) {
  while (length > 0) {
    ssize_t n = getrandom(buffer, length, 0);
    if (n <= 0) continue;  // EINTR; the kernel's pool never runs dry after boot
    buffer += n;
    length -= static_cast<size_t>(n);
  }
}
