// The board's human log on stderr: "virtual-nodemcu: <text>". Stdout is reserved for the
// machine-readable lines (serial, control, mode).
#pragma once

namespace board {
void log(const char* format, ...) __attribute__((format(printf, 1, 2)));
}
