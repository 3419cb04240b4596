#include "hb_settings.h"

#include <string.h>

#include "hb_line_codec.h"
#include "hb_text.h"

namespace hb {
namespace {

constexpr uint8_t kMagic[4] = {'H', 'B', 'S', 1};  // the last byte is the layout version

class Writer {
 public:
  explicit Writer(uint8_t* out) : out_(out) {}
  void bytes(const void* data, size_t n) {
    memcpy(out_ + pos_, data, n);
    pos_ += n;
  }
  void u8(uint8_t v) { out_[pos_++] = v; }
  void u16(uint16_t v) {
    for (int i = 0; i < 2; i++) out_[pos_++] = static_cast<uint8_t>(v >> (8 * i));
  }
  void u32(uint32_t v) {
    for (int i = 0; i < 4; i++) out_[pos_++] = static_cast<uint8_t>(v >> (8 * i));
  }
  size_t pos() const { return pos_; }

 private:
  uint8_t* out_;
  size_t pos_ = 0;
};

class Reader {
 public:
  explicit Reader(const uint8_t* in) : in_(in) {}
  void bytes(void* data, size_t n) {
    memcpy(data, in_ + pos_, n);
    pos_ += n;
  }
  uint8_t u8() { return in_[pos_++]; }
  uint16_t u16() {
    uint16_t v = 0;
    for (int i = 0; i < 2; i++) v = static_cast<uint16_t>(v | in_[pos_++] << (8 * i));
    return v;
  }
  uint32_t u32() {
    uint32_t v = 0;
    for (int i = 0; i < 4; i++) v |= static_cast<uint32_t>(in_[pos_++]) << (8 * i);
    return v;
  }

 private:
  const uint8_t* in_;
  size_t pos_ = 0;
};

// A fixed-size string field must hold its terminating NUL.
bool terminated(const char* field, size_t size) { return memchr(field, '\0', size) != nullptr; }

}  // namespace

const char* mode_name(DeliveryMode mode) {
  switch (mode) {
    case DeliveryMode::kClassroom: return "classroom";
    case DeliveryMode::kBuffered: return "buffered";
    case DeliveryMode::kAck: return "ack";
  }
  return "unknown";
}

bool parse_mode(const char* name, DeliveryMode* out) {
  static const DeliveryMode kModes[] = {DeliveryMode::kClassroom, DeliveryMode::kBuffered, DeliveryMode::kAck};
  for (DeliveryMode m : kModes) {
    if (equals(name, mode_name(m))) {
      *out = m;
      return true;
    }
  }
  return false;
}

void default_device_id(uint32_t chip_id, char* out, size_t capacity) {
  Text t(out, capacity);
  t.add("esp-").add_hex(chip_id, 6);
}

void default_settings(uint32_t chip_id, Settings* s) {
  memset(s, 0, sizeof(*s));
  s->port = 5050;
  s->interval_ms = 5000;
  s->mode = DeliveryMode::kAck;
  default_device_id(chip_id, s->device, sizeof(s->device));
  s->seed = 0;
  s->backoff_base_ms = 500;
  s->backoff_cap_ms = 30000;
}

bool valid_host(const char* host) {
  size_t n = strlen(host);
  if (n == 0 || n > 64) return false;
  for (size_t i = 0; i < n; i++) {
    if (host[i] <= ' ' || host[i] > '~') return false;
  }
  return true;
}

const char* settings_load_name(SettingsLoad result) {
  switch (result) {
    case SettingsLoad::kLoaded: return "eeprom";
    case SettingsLoad::kEmpty: return "defaults";
    case SettingsLoad::kDamaged: return "defaults_damaged";
  }
  return "unknown";
}

uint32_t crc32(const uint8_t* data, size_t len) {
  uint32_t crc = 0xFFFFFFFFu;
  for (size_t i = 0; i < len; i++) {
    crc ^= data[i];
    for (int k = 0; k < 8; k++) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

void encode_settings(const Settings& s, uint8_t* image) {
  memset(image, 0, kSettingsImageSize);
  Writer w(image);
  w.bytes(kMagic, sizeof(kMagic));
  w.bytes(s.ssid, sizeof(s.ssid));
  w.bytes(s.password, sizeof(s.password));
  w.bytes(s.host, sizeof(s.host));
  w.u16(s.port);
  w.u32(s.interval_ms);
  w.u8(static_cast<uint8_t>(s.mode));
  w.bytes(s.device, sizeof(s.device));
  w.u32(s.seed);
  w.u32(s.backoff_base_ms);
  w.u32(s.backoff_cap_ms);
  static_assert(4 + 33 + 65 + 65 + 2 + 4 + 1 + 33 + 4 + 4 + 4 + 4 <= kSettingsImageSize, "settings outgrew the image");
  uint32_t crc = crc32(image, kSettingsImageSize - 4);
  Writer tail(image + kSettingsImageSize - 4);
  tail.u32(crc);
}

SettingsLoad decode_settings(const uint8_t* image, uint32_t chip_id, Settings* out) {
  default_settings(chip_id, out);
  bool erased = true;
  for (size_t i = 0; i < kSettingsImageSize && erased; i++) erased = image[i] == 0xFF || image[i] == 0x00;
  if (erased) return SettingsLoad::kEmpty;
  if (memcmp(image, kMagic, sizeof(kMagic)) != 0) return SettingsLoad::kDamaged;
  Reader tail(image + kSettingsImageSize - 4);
  if (tail.u32() != crc32(image, kSettingsImageSize - 4)) return SettingsLoad::kDamaged;

  Settings s;
  Reader r(image + sizeof(kMagic));
  r.bytes(s.ssid, sizeof(s.ssid));
  r.bytes(s.password, sizeof(s.password));
  r.bytes(s.host, sizeof(s.host));
  s.port = r.u16();
  s.interval_ms = r.u32();
  uint8_t mode = r.u8();
  r.bytes(s.device, sizeof(s.device));
  s.seed = r.u32();
  s.backoff_base_ms = r.u32();
  s.backoff_cap_ms = r.u32();
  s.mode = static_cast<DeliveryMode>(mode);

  bool ok = terminated(s.ssid, sizeof(s.ssid)) && terminated(s.password, sizeof(s.password)) &&
            terminated(s.host, sizeof(s.host)) && terminated(s.device, sizeof(s.device)) &&
            (s.host[0] == '\0' || valid_host(s.host)) && s.port != 0 && s.interval_ms >= kMinIntervalMs &&
            s.interval_ms <= kMaxIntervalMs && mode <= static_cast<uint8_t>(DeliveryMode::kAck) &&
            valid_token(s.device, kMaxTokenLength) && s.backoff_base_ms >= kMinBackoffMs &&
            s.backoff_cap_ms >= s.backoff_base_ms && s.backoff_cap_ms <= kMaxBackoffMs;
  if (!ok) return SettingsLoad::kDamaged;
  *out = s;
  return SettingsLoad::kLoaded;
}

}  // namespace hb
