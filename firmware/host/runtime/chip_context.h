// What the sketch process knows about the board it runs on, set up by the board before it forks
// the sketch. The host Arduino API (Serial, WiFi, ESP, DHT, EEPROM) reads it.
#pragma once

#include <cstdint>
#include <string>

#include "shared_state.h"
#include "uart.h"

namespace hb_host {

// Exit statuses of the sketch process that tell the board what the chip did.
constexpr int kExitRestart = 42;  // ESP.restart() or ESP.reset(): boot again

struct ChipContext {
  Uart* serial = nullptr;        // UART0 on the pseudo-terminal
  SharedState* shared = nullptr;  // the side channel's switches
  uint32_t chip_id = 0;
  uint32_t flash_chip_id = 0;
  uint8_t mac[6] = {};
  std::string eeprom_path;       // the emulated EEPROM sector (4096 bytes)
  std::string reset_reason = "External System";
  int64_t boot_ns = 0;           // CLOCK_MONOTONIC at reset: millis() counts from here
};

ChipContext& chip_context();

// Runs the sketch's setup() once and loop() forever, as the ESP8266 core's main does. Never returns.
[[noreturn]] void run_sketch();

// Ends the sketch process, telling the board why.
[[noreturn]] void chip_exit(int status);

}  // namespace hb_host
