// Runs the registered tests: all of them, or those whose name contains an argument.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>

#include "hbtest.h"

namespace hbtest {
namespace {

int failures_in_test = 0;
std::vector<std::string>& scopes() {
  static std::vector<std::string> s;
  return s;
}
bool seed_used = false;

}  // namespace

std::vector<Case>& registry() {
  static std::vector<Case> cases;
  return cases;
}

Scope::Scope(std::string text) { scopes().push_back(std::move(text)); }
Scope::~Scope() { scopes().pop_back(); }

uint64_t seed() {
  seed_used = true;
  const char* env = std::getenv("HBTEST_SEED");
  return env != nullptr ? std::strtoull(env, nullptr, 0) : 20240611u;
}

void fail(const char* file, int line, const std::string& message) {
  failures_in_test++;
  std::fprintf(stderr, "    %s:%d: %s\n", file, line, message.c_str());
  for (const std::string& s : scopes()) std::fprintf(stderr, "      while: %s\n", s.c_str());
}

}  // namespace hbtest

int main(int argc, char** argv) {
  using Clock = std::chrono::steady_clock;
  int run = 0, failed = 0;
  for (const hbtest::Case& c : hbtest::registry()) {
    bool selected = argc < 2;
    for (int i = 1; i < argc; i++) selected = selected || std::strstr(c.name, argv[i]) != nullptr;
    if (!selected) continue;
    run++;
    hbtest::failures_in_test = 0;
    hbtest::seed_used = false;
    auto start = Clock::now();
    try {
      c.fn();
    } catch (const hbtest::Abort&) {
      // already reported
    } catch (const std::exception& e) {
      hbtest::fail(__FILE__, __LINE__, std::string("unexpected exception: ") + e.what());
    }
    long ms = static_cast<long>(std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count());
    if (hbtest::failures_in_test > 0) {
      failed++;
      std::fprintf(stderr, "FAIL %s (%ld ms)%s\n", c.name, ms,
                   hbtest::seed_used ? (" seed=" + std::to_string(hbtest::seed()) + " (HBTEST_SEED)").c_str() : "");
    } else {
      std::fprintf(stderr, "ok   %s (%ld ms)\n", c.name, ms);
    }
  }
  std::fprintf(stderr, "%d tests, %d failed\n", run, failed);
  if (run == 0) {
    std::fprintf(stderr, "no test matched\n");
    return 1;
  }
  return failed == 0 ? 0 : 1;
}
