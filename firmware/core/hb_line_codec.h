// The wire format of docs/protocol.md, the C++ twin of the Java LineCodec: reading lines out,
// hello out, and every line decoded the way the server decodes it (the node itself only needs
// `#ack`, but the whole decoder is held to the shared vector file, protocol/.../lines.tsv).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "hb_text.h"

namespace hb {

constexpr size_t kMaxTokenLength = 32;  // device, fw and boot in a hello

struct Reading {
  uint32_t seq;
  uint32_t millis;
  float temperature;
  float humidity;
};

enum class LineKind : uint8_t { kReading, kHello, kAck, kBlank, kError };

enum class LineError : uint8_t {
  kNone,
  kInvalidByte,
  kFieldCount,
  kBadSeq,
  kBadMillis,
  kBadTemperature,
  kBadHumidity,
  kTemperatureRange,
  kHumidityRange,
  kBadHello,
  kBadAck,
  kUnknownControl,
};

// The code docs/protocol.md gives the error, e.g. "bad_seq".
const char* line_error_code(LineError error);

// A slice of the decoded line; valid while the line's bytes are.
struct Token {
  const char* data;
  size_t size;
};

struct DecodedLine {
  LineKind kind;
  LineError error;          // kError only
  uint32_t seq;             // kReading, kAck
  uint32_t millis;          // kReading
  double temperature;       // kReading
  double humidity;          // kReading
  Token device, fw, boot;   // kHello ("unknown" when fw is absent)
  bool ack;                 // kHello
};

// One line as the framer delivers it (terminator removed). Never fails: errors are results.
DecodedLine decode_line(const uint8_t* line, size_t len);

// "seq,millis,t,h" with one decimal, as the classroom sketch prints; no terminator.
void encode_reading(const Reading& r, Text& out);

// "#hello device=.. fw=.. boot=.. ack=0|1"; no terminator.
void encode_hello(const char* device, const char* fw, const char* boot, bool ack, Text& out);

// Whether `s` is a valid hello token: 1..max characters of letters, digits and . _ - : +
bool valid_token(const char* s, size_t n, size_t max_length);
bool valid_token(const char* s, size_t max_length);

}  // namespace hb
