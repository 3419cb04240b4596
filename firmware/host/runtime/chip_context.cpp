#include "chip_context.h"

#include <unistd.h>

namespace hb_host {

ChipContext& chip_context() {
  static ChipContext context;
  return context;
}

void chip_exit(int status) {
  // Like a reset: no destructors, no atexit handlers; the sockets close with the process.
  _exit(status);
}

}  // namespace hb_host
