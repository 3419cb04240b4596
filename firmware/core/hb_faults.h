// The device faults the node applies, as the serial console sets them in the shared text form
// (docs/faults.md): `fault drop=0.1`, `fault coalesce,count=3`, `fault silence`. The same spec
// does the same in the simulator. Each device fault is rolled at every reading cycle
// (slow_connect: at every connection attempt) with its probability, 1 when omitted:
//   drop          a reading is generated and not sent
//   sensor_fail   the sensor read fails; nothing is sent that cycle
//   coalesce      count=3: this reading and the next count-1 go out in one write
//   corrupt       a mangled reading line (the server reports it malformed)
//   oversize      size=300: the line padded to size bytes, past the server's line limit
//   binary        a reading line with bytes outside printable ASCII
//   silence       duration=10000 ms: after this cycle, stop sending and reading, close nothing
//                 (Wi-Fi lost); clearing the fault ends a silence at once
//   reboot        link=orphan|fin: restart the chip at this cycle (seq from 0, new boot id);
//                 fin closes the connection first (rst: unsupported, Arduino's client cannot)
//   slow_connect  delay=3000,jitter=0 ms: a connection attempt waits delay +/- jitter first
// Network faults (latency, slicer, ...) are the proxy's: set refuses them and says so. Faults are
// runtime state: a reboot clears them.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "hb_fault_spec.h"
#include "hb_rng.h"
#include "hb_text.h"

namespace hb {

// The device faults: their index in the vocabulary (hb_fault_spec.h) is their value.
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

// How a rebooting node leaves its connection: the reboot fault's link, in the vocabulary's order.
enum class RebootLink : uint8_t { kOrphan, kFin, kRst };

const char* fault_name(Fault f);

class Faults {
 public:
  // Sets the device fault a checked spec names, replacing its earlier setting. A network fault
  // (kNetworkFault) or a value this firmware cannot do (kUnsupported) is refused, `why` says so,
  // and nothing changes.
  FaultError set(const FaultSpec& spec, Text& why);
  void clear(Fault f) { active_[static_cast<size_t>(f)] = false; }
  void clear_all();

  bool active(Fault f) const { return active_[static_cast<size_t>(f)]; }
  // Whether the fault fires now. Every probability is applied here and nowhere else, and a draw
  // is taken only for 0 < p < 1, so a given seed and setup replay the same decisions.
  bool fires(Fault f, Rng& rng) const;
  uint32_t ppm(Fault f) const { return spec(f).ppm; }

  // The parameters, in their vocabulary units (meaningful while the fault is active).
  uint32_t coalesce_count() const { return spec(Fault::kCoalesce).values[0]; }
  uint32_t oversize_size() const { return spec(Fault::kOversize).values[0]; }
  uint32_t silence_ms() const { return spec(Fault::kSilence).values[0]; }
  RebootLink reboot_link() const { return static_cast<RebootLink>(spec(Fault::kReboot).values[0]); }
  uint32_t slow_connect_delay_ms() const { return spec(Fault::kSlowConnect).values[0]; }
  uint32_t slow_connect_jitter_ms() const { return spec(Fault::kSlowConnect).values[1]; }

  // The fault's spec in canonical form: "coalesce=1,count=3".
  void describe(Fault f, Text& out) const;
  // Every active fault, ';' between them: "drop=0.1;silence=1,duration=10000", or "none".
  void describe_all(Text& out) const;

 private:
  const FaultSpec& spec(Fault f) const { return specs_[static_cast<size_t>(f)]; }

  bool active_[kFaultCount] = {};
  FaultSpec specs_[kFaultCount];
};

}  // namespace hb
