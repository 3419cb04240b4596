// ESP: the chip itself. The identity comes from the virtual board (--chip-id, the ROM's OTP);
// restart() and reset() end the sketch process so that the board boots it again.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "WString.h"

class EspClass {
 public:
  uint32_t getChipId();
  uint32_t getFlashChipId();
  uint32_t getFlashChipRealSize();
  uint32_t getFlashChipSize() { return getFlashChipRealSize(); }
  uint8_t getCpuFreqMHz() { return 80; }
  String getResetReason();
  [[noreturn]] void restart();
  [[noreturn]] void reset();
  uint32_t random();
  void random(uint8_t* buffer, size_t length);
  void wdtEnable(uint32_t = 0) {}
  void wdtDisable() {}
  void wdtFeed() {}
};

extern EspClass ESP;
