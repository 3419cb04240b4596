// What the corrupt, oversize and binary faults put on the wire instead of a reading line.
#pragma once

#include "hb_faults.h"
#include "hb_line_codec.h"
#include "hb_rng.h"
#include "hb_text.h"
#include "hb_uplink.h"

namespace hb {

// The reading's line spoiled the way `fault` does it, CR LF ended:
//   corrupt   one byte replaced by '?', which no field accepts (a malformed line)
//   binary    three bytes replaced by random bytes 0x80..0xFF (invalid bytes)
void mangle_reading(Fault fault, const Reading& r, Rng& rng, Text& out);

// oversize: the reading's line padded with '0' to `size` bytes (at least one past the line, as
// the simulator pads it), then CR LF. Written in pieces: `size` may be far more than the RAM a
// node can spare. False if the uplink dropped the connection on the way.
bool write_oversize(const Reading& r, uint32_t size, Uplink& uplink);

}  // namespace hb
