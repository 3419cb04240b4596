// A test framework small enough to read in a minute: TEST registers a function, CHECK records a
// failure and goes on, REQUIRE stops the test. `SCOPE(...)` adds context (a vector file line, a
// seed) to every failure reported while it lives. Host only: it uses the standard library freely.
#pragma once

#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

namespace hbtest {

struct Case {
  const char* name;
  void (*fn)();
};

std::vector<Case>& registry();

struct Registrar {
  Registrar(const char* name, void (*fn)()) { registry().push_back({name, fn}); }
};

struct Abort {};  // thrown by REQUIRE: ends the current test only

void fail(const char* file, int line, const std::string& message);

// Context printed with failures while in scope.
class Scope {
 public:
  explicit Scope(std::string text);
  ~Scope();
  Scope(const Scope&) = delete;
  Scope& operator=(const Scope&) = delete;
};

// The seed of this run's randomness: HBTEST_SEED if set, else a fixed one. Printed with failures.
uint64_t seed();

template <typename T>
std::string show(const T& v) {
  std::ostringstream out;
  out << v;
  return out.str();
}
inline std::string show(const std::string& v) { return "\"" + v + "\""; }
inline std::string show(const char* v) { return v == nullptr ? "(null)" : "\"" + std::string(v) + "\""; }
inline std::string show(bool v) { return v ? "true" : "false"; }
inline std::string show(uint8_t v) { return std::to_string(v); }

}  // namespace hbtest

#define HBTEST_CAT2(a, b) a##b
#define HBTEST_CAT(a, b) HBTEST_CAT2(a, b)

#define TEST(name)                                                  \
  static void name();                                               \
  static hbtest::Registrar HBTEST_CAT(name, _registrar)(#name, name); \
  static void name()

#define SCOPE(text) hbtest::Scope HBTEST_CAT(hbtest_scope_, __LINE__)(text)

#define CHECK(cond)                                                    \
  do {                                                                 \
    if (!(cond)) hbtest::fail(__FILE__, __LINE__, "CHECK(" #cond ")"); \
  } while (0)

#define REQUIRE(cond)                                                     \
  do {                                                                    \
    if (!(cond)) {                                                        \
      hbtest::fail(__FILE__, __LINE__, "REQUIRE(" #cond ")");             \
      throw hbtest::Abort{};                                              \
    }                                                                     \
  } while (0)

#define CHECK_EQ(actual, expected)                                                                  \
  do {                                                                                              \
    const auto hbtest_a = (actual);                                                                 \
    const auto hbtest_e = (expected);                                                               \
    if (!(hbtest_a == hbtest_e)) {                                                                  \
      hbtest::fail(__FILE__, __LINE__,                                                              \
                   std::string(#actual " == " #expected "\n      actual:   ") + hbtest::show(hbtest_a) + \
                       "\n      expected: " + hbtest::show(hbtest_e));                             \
    }                                                                                               \
  } while (0)

// Compares as strings, whatever mix of std::string and const char* is given.
#define CHECK_STR(actual, expected) CHECK_EQ(std::string(actual), std::string(expected))

// `text` contains `part`.
#define CHECK_HAS(text, part)                                                                           \
  do {                                                                                                  \
    const std::string hbtest_t(text), hbtest_p(part);                                                   \
    if (hbtest_t.find(hbtest_p) == std::string::npos) {                                                 \
      hbtest::fail(__FILE__, __LINE__, "expected to find " + hbtest::show(hbtest_p) + "\n      in: " + \
                                           hbtest::show(hbtest_t));                                     \
    }                                                                                                   \
  } while (0)

#define CHECK_LACKS(text, part)                                                                          \
  do {                                                                                                   \
    const std::string hbtest_t(text), hbtest_p(part);                                                    \
    if (hbtest_t.find(hbtest_p) != std::string::npos) {                                                  \
      hbtest::fail(__FILE__, __LINE__, "did not expect " + hbtest::show(hbtest_p) + "\n      in: " +   \
                                           hbtest::show(hbtest_t));                                      \
    }                                                                                                    \
  } while (0)
