#include "hb_line_codec.h"

#include <string.h>

namespace hb {
namespace {

constexpr double kMinTemperature = -40.0, kMaxTemperature = 80.0;
constexpr double kMinHumidity = 0.0, kMaxHumidity = 100.0;
constexpr uint64_t kExactMantissa = 1ull << 53;

DecodedLine error_line(LineError e) {
  DecodedLine d{};
  d.kind = LineKind::kError;
  d.error = e;
  return d;
}

double pow10(int n) {
  double p = 1.0;
  for (int i = 0; i < n; i++) p *= 10.0;
  return p;
}

// `[+-]digits[.digits]` filling [b, e); false if it is not one. Exact (to the nearest double)
// up to 15 significant digits, like the Java fast path; digits beyond those are dropped, which
// moves the value by less than 1e-15 relative, far below anything a DHT prints.
bool parse_decimal(const uint8_t* b, const uint8_t* e, double* out) {
  bool negative = false;
  if (b < e && (*b == '-' || *b == '+')) {
    negative = *b == '-';
    b++;
  }
  uint64_t mantissa = 0;
  int int_digits = 0, frac_digits = 0, dropped_int = 0;
  for (; b < e && *b >= '0' && *b <= '9'; b++, int_digits++) {
    if (mantissa < kExactMantissa / 10) {
      mantissa = mantissa * 10 + (*b - '0');
    } else {
      dropped_int++;
    }
  }
  if (int_digits == 0) return false;
  if (b < e && *b == '.') {
    b++;
    int seen = 0;
    for (; b < e && *b >= '0' && *b <= '9'; b++, seen++) {
      if (dropped_int == 0 && mantissa < kExactMantissa / 10) {
        mantissa = mantissa * 10 + (*b - '0');
        frac_digits++;
      }
    }
    if (seen == 0) return false;
  }
  if (b != e) return false;
  double value = static_cast<double>(mantissa);
  if (dropped_int > 0) value *= pow10(dropped_int);
  if (frac_digits > 0) value /= pow10(frac_digits);
  *out = negative && value != 0 ? -value : value;  // no -0.0: it would print as "-0"
  return true;
}

bool parse_u32_bytes(const uint8_t* b, const uint8_t* e, uint32_t* out) {
  return parse_u32(reinterpret_cast<const char*>(b), static_cast<size_t>(e - b), out);
}

bool token_equals(const Token& t, const char* s) {
  size_t n = strlen(s);
  return t.size == n && memcmp(t.data, s, n) == 0;
}

// Splits at runs of spaces, like Java's split(" +") on a line that starts with '#'.
size_t split_words(const uint8_t* line, size_t len, Token* words, size_t max_words) {
  size_t count = 0, i = 0;
  while (i < len) {
    while (i < len && line[i] == ' ') i++;
    if (i == len) break;
    size_t start = i;
    while (i < len && line[i] != ' ') i++;
    if (count < max_words) words[count] = {reinterpret_cast<const char*>(line + start), i - start};
    count++;
  }
  return count;
}

DecodedLine decode_hello(const Token* words, size_t count) {
  DecodedLine d{};
  d.kind = LineKind::kHello;
  d.fw = {"unknown", 7};
  bool has_device = false, has_boot = false;
  for (size_t i = 1; i < count; i++) {
    const char* eq = static_cast<const char*>(memchr(words[i].data, '=', words[i].size));
    if (eq == nullptr || eq == words[i].data) return error_line(LineError::kBadHello);
    Token key{words[i].data, static_cast<size_t>(eq - words[i].data)};
    Token value{eq + 1, words[i].size - key.size - 1};
    if (token_equals(key, "device")) {
      d.device = value;
      has_device = true;
    } else if (token_equals(key, "fw")) {
      d.fw = value;
    } else if (token_equals(key, "boot")) {
      d.boot = value;
      has_boot = true;
    } else if (token_equals(key, "ack")) {
      if (!token_equals(value, "0") && !token_equals(value, "1")) return error_line(LineError::kBadHello);
      d.ack = token_equals(value, "1");
    }
    // Unknown keys are ignored, so that newer nodes can add some.
  }
  if (!has_device || !has_boot || !valid_token(d.device.data, d.device.size, kMaxTokenLength) ||
      !valid_token(d.fw.data, d.fw.size, kMaxTokenLength) ||
      !valid_token(d.boot.data, d.boot.size, kMaxTokenLength)) {
    return error_line(LineError::kBadHello);
  }
  return d;
}

DecodedLine decode_control(const uint8_t* line, size_t len) {
  constexpr size_t kMaxWords = 16;
  Token words[kMaxWords] = {};
  size_t count = split_words(line, len, words, kMaxWords);
  if (count > kMaxWords) count = kMaxWords;  // a hello with more words than this: the rest is ignored
  if (token_equals(words[0], "#hello")) return decode_hello(words, count);
  if (token_equals(words[0], "#ack")) {
    DecodedLine d{};
    const uint8_t* arg = reinterpret_cast<const uint8_t*>(words[1].data);
    if (count != 2 || !parse_u32_bytes(arg, arg + words[1].size, &d.seq)) return error_line(LineError::kBadAck);
    d.kind = LineKind::kAck;
    return d;
  }
  return error_line(LineError::kUnknownControl);
}

}  // namespace

const char* line_error_code(LineError error) {
  switch (error) {
    case LineError::kNone: return "none";
    case LineError::kInvalidByte: return "invalid_byte";
    case LineError::kFieldCount: return "field_count";
    case LineError::kBadSeq: return "bad_seq";
    case LineError::kBadMillis: return "bad_millis";
    case LineError::kBadTemperature: return "bad_temperature";
    case LineError::kBadHumidity: return "bad_humidity";
    case LineError::kTemperatureRange: return "temperature_range";
    case LineError::kHumidityRange: return "humidity_range";
    case LineError::kBadHello: return "bad_hello";
    case LineError::kBadAck: return "bad_ack";
    case LineError::kUnknownControl: return "unknown_control";
  }
  return "unknown";
}

DecodedLine decode_line(const uint8_t* line, size_t len) {
  if (len == 0) {
    DecodedLine d{};
    d.kind = LineKind::kBlank;
    return d;
  }
  // One pass: every byte printable ASCII, and where the first three commas are.
  const uint8_t* commas[3] = {nullptr, nullptr, nullptr};
  size_t comma_count = 0;
  for (size_t i = 0; i < len; i++) {
    uint8_t c = line[i];
    if (c < 0x20 || c > 0x7E) return error_line(LineError::kInvalidByte);
    if (c == ',') {
      if (comma_count < 3) commas[comma_count] = line + i;
      comma_count++;
    }
  }
  if (line[0] == '#') return decode_control(line, len);
  if (comma_count != 3) return error_line(LineError::kFieldCount);

  DecodedLine d{};
  d.kind = LineKind::kReading;
  const uint8_t* end = line + len;
  if (!parse_u32_bytes(line, commas[0], &d.seq)) return error_line(LineError::kBadSeq);
  if (!parse_u32_bytes(commas[0] + 1, commas[1], &d.millis)) return error_line(LineError::kBadMillis);
  if (!parse_decimal(commas[1] + 1, commas[2], &d.temperature)) return error_line(LineError::kBadTemperature);
  if (!parse_decimal(commas[2] + 1, end, &d.humidity)) return error_line(LineError::kBadHumidity);
  if (d.temperature < kMinTemperature || d.temperature > kMaxTemperature) {
    return error_line(LineError::kTemperatureRange);
  }
  if (d.humidity < kMinHumidity || d.humidity > kMaxHumidity) return error_line(LineError::kHumidityRange);
  return d;
}

void encode_reading(const Reading& r, Text& out) {
  out.add_u32(r.seq).add(',').add_u32(r.millis).add(',');
  out.add_fixed(r.temperature, 1).add(',').add_fixed(r.humidity, 1);
}

void encode_hello(const char* device, const char* fw, const char* boot, bool ack, Text& out) {
  out.add("#hello device=").add(device).add(" fw=").add(fw).add(" boot=").add(boot);
  out.add(" ack=").add(ack ? '1' : '0');
}

bool valid_token(const char* s, size_t n, size_t max_length) {
  if (n == 0 || n > max_length) return false;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
              c == '_' || c == '-' || c == ':' || c == '+';
    if (!ok) return false;
  }
  return true;
}

bool valid_token(const char* s, size_t max_length) { return valid_token(s, strlen(s), max_length); }

}  // namespace hb
