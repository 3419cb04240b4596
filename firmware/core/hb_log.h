// The machine-readable serial log: one line per event, `HB <event> key=value ...`, CR LF ended.
// Prefixes and keys are an interface (docs in firmware/README.md): hil tests and bench users
// parse them, and the serial log is the ledger of a real board.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "hb_hardware.h"
#include "hb_text.h"

namespace hb {

class LogLine {
 public:
  LogLine(Output& out, const char* event);
  LogLine& str(const char* key, const char* value);
  LogLine& u32(const char* key, uint32_t value);
  LogLine& fixed(const char* key, double value, int decimals);
  LogLine& server(const char* host, uint16_t port);  // server=<host>:<port>
  void emit();

 private:
  LogLine& key(const char* k);
  Output& out_;
  TextBuf<192> text_;
};

class Log {
 public:
  explicit Log(Output& out) : out_(out) {}
  LogLine event(const char* name) { return LogLine(out_, name); }
  // Writes one whole line of text (a console reply), adding CR LF.
  void line(const char* text);
  Output& output() { return out_; }

 private:
  Output& out_;
};

}  // namespace hb
