// A minimal test harness: the ROM tests need nothing beyond the C++ compiler.
//   TEST(name) { CHECK(cond); CHECK_EQ(actual, expected); }
// A failed check prints file:line, the expression and both values, and the test goes on.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <type_traits>
#include <vector>

namespace check {

void add(const char* name, void (*fn)());
void fail(const char* file, int line, const std::string& what);

inline std::string show(const std::string& s) { return "\"" + s + "\""; }
inline std::string show(const char* s) { return show(std::string(s)); }
inline std::string show(bool b) { return b ? "true" : "false"; }
std::string show(const std::vector<uint8_t>& bytes);  // hex, "c0 00 08 ..."
template <typename T, typename = std::enable_if_t<std::is_integral_v<T> || std::is_enum_v<T>>>
std::string show(T v) {
  char buf[48];
  const auto n = static_cast<unsigned long long>(v);
  std::snprintf(buf, sizeof buf, "%llu (0x%llx)", n, n);
  return buf;
}

template <typename A, typename B>
void check_eq(const char* file, int line, const char* a_text, const char* b_text, const A& a, const B& b) {
  if (a == b) return;
  fail(file, line, std::string(a_text) + " == " + b_text + "\n    actual:   " + show(a) + "\n    expected: " + show(b));
}

// Command-line arguments, for tests of files the build made (the test images).
const std::vector<std::string>& args();

}  // namespace check

#define CHECK_CONCAT2(a, b) a##b
#define CHECK_CONCAT(a, b) CHECK_CONCAT2(a, b)
#define TEST(name)                                                                    \
  static void name();                                                                 \
  static const bool CHECK_CONCAT(name, _registered) = (check::add(#name, name), true); \
  static void name()
#define CHECK(cond)                                                     \
  do {                                                                  \
    if (!(cond)) check::fail(__FILE__, __LINE__, "CHECK(" #cond ")");   \
  } while (0)
#define CHECK_EQ(actual, expected) check::check_eq(__FILE__, __LINE__, #actual, #expected, (actual), (expected))
