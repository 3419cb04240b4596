// The board's UART on a pseudo-terminal, as QEMU's `-serial pty`: raw mode (or the device would
// read its own output back), and a slave descriptor kept open so that reads on the master do not
// fail with EIO while no terminal program is attached.
#pragma once

#include <string>

namespace board {

struct Pty {
  int master = -1;  // non-blocking
  int slave = -1;   // held, never read
  std::string path;
};

// False with `error` set if the system would not give one.
bool open_pty(Pty* pty, std::string* error);

}  // namespace board
