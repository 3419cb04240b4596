// Runs every TEST and ends with the line CI reads: "rom_tests: N passed, N failed".
#include <cstring>

#include "check.h"

namespace check {

namespace {
struct Case {
  const char* name;
  void (*fn)();
};
std::vector<Case>& cases() {
  static std::vector<Case> all;
  return all;
}
int failures_in_current = 0;
std::vector<std::string> arguments;
}  // namespace

void add(const char* name, void (*fn)()) { cases().push_back({name, fn}); }

void fail(const char* file, int line, const std::string& what) {
  ++failures_in_current;
  std::printf("  FAIL %s:%d: %s\n", file, line, what.c_str());
}

std::string show(const std::vector<uint8_t>& bytes) {
  std::string out;
  char hex[4];
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (i == 64) return out + "... (" + std::to_string(bytes.size()) + " bytes)";
    std::snprintf(hex, sizeof hex, i == 0 ? "%02x" : " %02x", bytes[i]);
    out += hex;
  }
  return out;
}

const std::vector<std::string>& args() { return arguments; }

}  // namespace check

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) check::arguments.push_back(argv[i]);
  int passed = 0, failed = 0;
  for (const auto& c : check::cases()) {
    check::failures_in_current = 0;
    c.fn();
    if (check::failures_in_current == 0) {
      ++passed;
    } else {
      ++failed;
      std::printf("FAILED %s\n", c.name);
    }
  }
  std::printf("rom_tests: %d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}
