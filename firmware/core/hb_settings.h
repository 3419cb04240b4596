// The node's persistent settings and their fixed-size, checksummed EEPROM image.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace hb {

// classroom: send and forget; buffered: keep unsent readings in the ring and send them after
// reconnecting; ack: also keep sent readings until the server acknowledges them.
enum class DeliveryMode : uint8_t { kClassroom = 0, kBuffered = 1, kAck = 2 };

const char* mode_name(DeliveryMode mode);
bool parse_mode(const char* name, DeliveryMode* out);

constexpr uint32_t kMinIntervalMs = 100;
constexpr uint32_t kMaxIntervalMs = 86400000;  // one day
constexpr uint32_t kMinBackoffMs = 10;
constexpr uint32_t kMaxBackoffMs = 3600000;   // one hour

struct Settings {
  char ssid[33];      // empty: the network the chip remembers
  char password[65];
  char host[65];      // empty: no server yet, nothing is sent
  uint16_t port;
  uint32_t interval_ms;
  DeliveryMode mode;
  char device[33];    // the hello's device id
  uint32_t seed;      // the fault and jitter stream's seed; 0: a fresh one at every boot
  uint32_t backoff_base_ms;
  uint32_t backoff_cap_ms;
};

// esp-<chip id in hex>, the identity a node has before anyone names it.
void default_device_id(uint32_t chip_id, char* out, size_t capacity);
void default_settings(uint32_t chip_id, Settings* out);

// A host name or address as the console accepts it: 1..64 printable characters, no spaces.
bool valid_host(const char* host);

constexpr size_t kSettingsImageSize = 256;

enum class SettingsLoad : uint8_t { kLoaded, kEmpty, kDamaged };
const char* settings_load_name(SettingsLoad result);

// Writes exactly kSettingsImageSize bytes: magic, version, the fields, CRC-32.
void encode_settings(const Settings& s, uint8_t* image);
// kEmpty: never written (erased EEPROM); kDamaged: bad checksum or values. `out` is filled with
// the defaults for `chip_id` unless kLoaded.
SettingsLoad decode_settings(const uint8_t* image, uint32_t chip_id, Settings* out);

uint32_t crc32(const uint8_t* data, size_t len);

}  // namespace hb
