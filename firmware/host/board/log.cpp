#include "log.h"

#include <stdarg.h>
#include <stdio.h>

namespace board {

void log(const char* format, ...) {
  char line[1024];
  va_list args;
  va_start(args, format);
  vsnprintf(line, sizeof(line), format, args);
  va_end(args);
  fprintf(stderr, "virtual-nodemcu: %s\n", line);
}

}  // namespace board
