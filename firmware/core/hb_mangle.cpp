#include "hb_mangle.h"

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
    case Fault::kOversize:
      while (out.size() < kOversizeLineLength && !out.truncated()) out.add('0');
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

}  // namespace hb
