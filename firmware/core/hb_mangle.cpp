#include "hb_mangle.h"

#include <string.h>

namespace hb {

void mangle_reading(Fault fault, const Reading& r, Rng& rng, Text& out) {
  out.clear();
  encode_reading(r, out);
  size_t len = out.size();
  char* line = const_cast<char*>(out.c_str());
  switch (fault) {
    case Fault::kCorrupt:
      line[rng.up_to(static_cast<uint32_t>(len - 1))] = '?';
      break;
    case Fault::kBinary:
      for (int i = 0; i < 3; i++) {
        line[rng.up_to(static_cast<uint32_t>(len - 1))] = static_cast<char>(0x80 + rng.up_to(0x7F));
      }
      break;
    default:
      break;
  }
  out.add("\r\n");
}

bool write_oversize(const Reading& r, uint32_t size, Uplink& uplink) {
  TextBuf<48> line;
  encode_reading(r, line);
  if (!uplink.send(reinterpret_cast<const uint8_t*>(line.c_str()), line.size())) return false;
  uint8_t zeros[64];
  memset(zeros, '0', sizeof(zeros));
  size_t padding = size > line.size() ? size - line.size() : 1;
  while (padding > 0) {
    size_t n = padding < sizeof(zeros) ? padding : sizeof(zeros);
    if (!uplink.send(zeros, n)) return false;
    padding -= n;
  }
  return uplink.send(reinterpret_cast<const uint8_t*>("\r\n"), 2);
}

}  // namespace hb
