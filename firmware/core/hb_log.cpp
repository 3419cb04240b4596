#include "hb_log.h"

#include <string.h>

namespace hb {

LogLine::LogLine(Output& out, const char* event) : out_(out) { text_.add("HB ").add(event); }

LogLine& LogLine::key(const char* k) {
  text_.add(' ').add(k).add('=');
  return *this;
}

LogLine& LogLine::str(const char* k, const char* value) {
  key(k).text_.add(value);
  return *this;
}

LogLine& LogLine::u32(const char* k, uint32_t value) {
  key(k).text_.add_u32(value);
  return *this;
}

LogLine& LogLine::fixed(const char* k, double value, int decimals) {
  key(k).text_.add_fixed(value, decimals);
  return *this;
}

LogLine& LogLine::server(const char* host, uint16_t port) {
  key("server").text_.add(host).add(':').add_u32(port);
  return *this;
}

void LogLine::emit() {
  out_.write(text_.c_str(), text_.size());
  out_.write("\r\n", 2);
}

void Log::line(const char* text) {
  out_.write(text, strlen(text));
  out_.write("\r\n", 2);
}

}  // namespace hb
