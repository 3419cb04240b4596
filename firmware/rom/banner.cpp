#include <cstring>

#include "rom.h"

namespace rom {

void print_boot_banner(bool download_mode, ByteSink& console) {
  // rst cause 2 = external reset (EN); boot mode 1 = UART download, 3 = flash boot. The second
  // number (6) is what NodeMCU boards show; its meaning is not documented.
  const char* line = download_mode ? "\r\n ets Jan  8 2013,rst cause:2, boot mode:(1,6)\r\n\r\n"
                                   : "\r\n ets Jan  8 2013,rst cause:2, boot mode:(3,6)\r\n\r\n";
  console.write(reinterpret_cast<const uint8_t*>(line), std::strlen(line));
}

}  // namespace rom
