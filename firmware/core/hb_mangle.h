// What the corrupt, oversize and binary faults put on the wire instead of a reading line.
#pragma once

#include "hb_faults.h"
#include "hb_line_codec.h"
#include "hb_rng.h"
#include "hb_text.h"

namespace hb {

// Longer than the server's 256-byte line limit.
constexpr size_t kOversizeLineLength = 300;

// The reading's line spoiled the way `fault` does it, CR LF ended:
//   corrupt   one byte replaced by '?', which no field accepts (a malformed line)
//   oversize  the line padded with digits to kOversizeLineLength bytes
//   binary    three bytes replaced by random bytes 0x80..0xFF (invalid bytes)
void mangle_reading(Fault fault, const Reading& r, Rng& rng, Text& out);

}  // namespace hb
