// The device faults of the design's vocabulary, as the serial console sets them:
//   drop p=..         a reading is generated and not sent
//   sensor_fail p=..  the sensor read fails; nothing is sent that cycle
//   coalesce n=..     n readings go out in one write
//   corrupt p=..      a mangled reading line (the server reports it malformed)
//   oversize p=..     an overlong line instead of the reading
//   binary p=..       a reading line with invalid bytes
//   silence           stop sending and answering, close nothing (as when Wi-Fi is lost)
//   reboot p=..       restart the chip at a reading cycle (seq from 0, new boot id)
//   slow_connect ms=.. wait that long before each connection attempt
// Probabilities default to 1 when omitted. The simulator's names for the same parameters are
// accepted too (coalesce count=, slow_connect delay=). Faults are runtime state: a reboot clears them.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "hb_rng.h"
#include "hb_text.h"

namespace hb {

enum class Fault : uint8_t {
  kDrop,
  kSensorFail,
  kCoalesce,
  kCorrupt,
  kOversize,
  kBinary,
  kSilence,
  kReboot,
  kSlowConnect,
};
constexpr size_t kFaultCount = 9;

const char* fault_name(Fault f);
bool find_fault(const char* name, Fault* out);
// "drop, sensor_fail, ..." for error messages.
void list_fault_names(Text& out);

// A probability written as a decimal in [0, 1] with up to 6 decimals, as parts per million.
bool parse_probability(const char* s, uint32_t* ppm);
void add_probability(Text& out, uint32_t ppm);

class Faults {
 public:
  // `params` are the key=value words after the name. On failure `why` says what was wrong and
  // nothing changes.
  bool set(Fault f, const char* const* params, size_t count, Text& why);
  void clear(Fault f) { values_[static_cast<size_t>(f)] = 0; }
  void clear_all();

  bool active(Fault f) const { return values_[static_cast<size_t>(f)] != 0; }
  // The fault's parameter: ppm for probabilities, n for coalesce, ms for slow_connect.
  uint32_t value(Fault f) const { return values_[static_cast<size_t>(f)]; }
  // Whether a probabilistic fault fires now. Every probability is applied here and nowhere else,
  // and a draw is taken only for 0 < p < 1, so a given seed and setup replay the same decisions.
  bool fires(Fault f, Rng& rng) const;

  // "drop p=0.1" for one fault; "drop:p=0.1,silence" (or "none") for all.
  void describe(Fault f, Text& out) const;
  void describe_all(Text& out) const;

 private:
  uint32_t values_[kFaultCount] = {};
};

}  // namespace hb
