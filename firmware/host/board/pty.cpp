#include "pty.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

namespace board {

bool open_pty(Pty* pty, std::string* error) {
  int master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (master < 0 || grantpt(master) != 0 || unlockpt(master) != 0) {
    *error = std::string("cannot open a pseudo-terminal: ") + strerror(errno);
    if (master >= 0) close(master);
    return false;
  }
  const char* name = ptsname(master);
  int slave = name != nullptr ? open(name, O_RDWR | O_NOCTTY | O_CLOEXEC) : -1;
  if (slave < 0) {
    *error = std::string("cannot open the pseudo-terminal's slave side: ") + strerror(errno);
    close(master);
    return false;
  }
  termios tio;
  tcgetattr(slave, &tio);
  cfmakeraw(&tio);
  tcsetattr(slave, TCSANOW, &tio);
  fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK);
  pty->master = master;
  pty->slave = slave;
  pty->path = name;
  return true;
}

}  // namespace board
