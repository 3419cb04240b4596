// The chip context a sketch process would have, for testing the host Arduino API in-process.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <string>

#include "../../host/runtime/chip_context.h"
#include "../../host/runtime/pacer.h"
#include "../../host/runtime/shared_state.h"

namespace hbtest {

inline hb_host::SharedState& board_state() {
  hb_host::ChipContext& c = hb_host::chip_context();
  if (c.shared == nullptr) {
    c.shared = hb_host::create_shared_state();
    c.boot_ns = hb_host::Pacer::now_ns();
    c.chip_id = 0xa1b2c3;
  }
  c.shared->wifi_up.store(true);
  c.shared->sensor_fail.store(false);
  return *c.shared;
}

// A fresh, empty file under /tmp (the caller removes it).
inline std::string temp_path(const char* what) {
  std::string name = std::string("/tmp/hbtest-") + what + "-XXXXXX";
  int fd = mkstemp(&name[0]);
  if (fd >= 0) close(fd);
  return name;
}

}  // namespace hbtest
