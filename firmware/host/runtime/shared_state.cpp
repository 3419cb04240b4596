#include "shared_state.h"

#include <sys/mman.h>

#include <cstdio>
#include <cstdlib>
#include <new>

namespace hb_host {

SharedState* create_shared_state() {
  void* page = mmap(nullptr, sizeof(SharedState), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  if (page == MAP_FAILED) {
    std::perror("virtual-nodemcu: mmap of the shared board state");
    std::exit(1);
  }
  return new (page) SharedState();
}

}  // namespace hb_host
