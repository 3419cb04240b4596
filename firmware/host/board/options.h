// The virtual NodeMCU's command line.
#pragma once

#include <cstdint>
#include <string>

namespace board {

struct Options {
  std::string flash_path;   // --flash: the SPI flash file (a temporary one if empty)
  std::string eeprom_path;  // --eeprom: the EEPROM sector file (a temporary one if empty)
  bool download = false;    // --download: power on into the ROM bootloader
  uint32_t pace_baud = 0;   // --pace-baud: pace the serial port like a UART at this rate
  bool chip_id_given = false;
  uint32_t chip_id = 0;     // --chip-id
  float temperature = 23.4f, humidity = 45.0f;  // --sensor T,H
  bool trace = false;       // --trace: log every ROM command on stderr
};

// Parses argv. On bad usage returns false with `error` saying what was wrong; on --help returns
// false with an empty error.
bool parse_options(int argc, char** argv, Options* out, std::string* error);
const char* usage();

}  // namespace board
