#include "options.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>

namespace board {

const char* usage() {
  return "usage: virtual-nodemcu [--flash FILE] [--eeprom FILE] [--download] [--pace-baud N]\n"
         "                       [--chip-id HEX] [--sensor T,H] [--trace]\n"
         "\n"
         "A NodeMCU (ESP8266 + DHT11) running the hilbench sketch on this machine. Prints, one per line\n"
         "on stdout: 'serial /dev/pts/N' (its UART, open it with any terminal program at any baud),\n"
         "'control 127.0.0.1:PORT' (the side channel for reset lines, Wi-Fi and sensor) and\n"
         "'mode app' or 'mode download'. Human-readable logs go to stderr.\n"
         "\n"
         "  --flash FILE     the 4 MB SPI flash, created erased if missing; the board boots from it\n"
         "                   and reports the version record of the image it holds\n"
         "  --eeprom FILE    the EEPROM sector where the sketch keeps its settings\n"
         "  --download       power on into the ROM serial bootloader (as with GPIO0 held low)\n"
         "  --pace-baud N    limit the serial port to N baud in both directions (10 bits a byte)\n"
         "  --chip-id HEX    the chip id (24 bits; default a1b2c3, MAC 18:fe:34:a1:b2:c3)\n"
         "  --sensor T,H     initial DHT11 temperature (C) and humidity (%), default 23.4,45.0\n"
         "  --trace          log each ROM bootloader command on stderr\n"
         "\n"
         "Side channel commands (one per line, answered 'ok ...' or 'err <reason>'):\n"
         "  lines dtr=0|1 rts=0|1   the USB bridge's modem lines (NodeMCU auto-reset circuit)\n"
         "  reset run | reset download\n"
         "  wifi down | wifi up\n"
         "  sensor <temp> <hum> | sensor fail | sensor ok\n"
         "  status | quit\n";
}

namespace {

bool parse_u32(const char* text, int base, uint32_t* out) {
  if (text == nullptr || *text == '\0') return false;
  errno = 0;
  char* end = nullptr;
  unsigned long long v = std::strtoull(text, &end, base);
  if (errno != 0 || *end != '\0' || v > 0xFFFFFFFFull || text[0] == '-') return false;
  *out = static_cast<uint32_t>(v);
  return true;
}

bool parse_float(const char* text, float* out) {
  char* end = nullptr;
  double v = std::strtod(text, &end);
  if (end == text || *end != '\0' || !std::isfinite(v)) return false;
  *out = static_cast<float>(v);
  return true;
}

}  // namespace

bool parse_options(int argc, char** argv, Options* out, std::string* error) {
  Options o;
  for (int i = 1; i < argc; i++) {
    std::string arg = argv[i];
    const char* value = i + 1 < argc ? argv[i + 1] : nullptr;
    auto need_value = [&]() {
      if (value == nullptr) *error = arg + " needs a value";
      return value != nullptr;
    };
    if (arg == "--help" || arg == "-h") {
      error->clear();
      return false;
    } else if (arg == "--download") {
      o.download = true;
    } else if (arg == "--trace") {
      o.trace = true;
    } else if (arg == "--flash") {
      if (!need_value()) return false;
      o.flash_path = value;
      i++;
    } else if (arg == "--eeprom") {
      if (!need_value()) return false;
      o.eeprom_path = value;
      i++;
    } else if (arg == "--pace-baud") {
      if (!need_value()) return false;
      if (!parse_u32(value, 10, &o.pace_baud) || o.pace_baud < 300 || o.pace_baud > 4000000) {
        *error = "--pace-baud must be a baud rate from 300 to 4000000, got '" + std::string(value) + "'";
        return false;
      }
      i++;
    } else if (arg == "--chip-id") {
      if (!need_value()) return false;
      const char* hex = std::strncmp(value, "0x", 2) == 0 || std::strncmp(value, "0X", 2) == 0 ? value + 2 : value;
      if (!parse_u32(hex, 16, &o.chip_id) || o.chip_id > 0xFFFFFF) {
        *error = "--chip-id must be a hexadecimal number up to ffffff, got '" + std::string(value) + "'";
        return false;
      }
      o.chip_id_given = true;
      i++;
    } else if (arg == "--sensor") {
      if (!need_value()) return false;
      std::string v = value;
      size_t comma = v.find(',');
      if (comma == std::string::npos || !parse_float(v.substr(0, comma).c_str(), &o.temperature) ||
          !parse_float(v.substr(comma + 1).c_str(), &o.humidity)) {
        *error = "--sensor takes T,H (for example 23.4,45), got '" + v + "'";
        return false;
      }
      i++;
    } else {
      *error = "unknown option '" + arg + "'";
      return false;
    }
  }
  *out = o;
  return true;
}

}  // namespace board
