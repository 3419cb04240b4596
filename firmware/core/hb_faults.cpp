#include "hb_faults.h"

#include <string.h>

namespace hb {
namespace {

enum class Param : uint8_t { kNone, kProbability, kCount, kMillis };

struct FaultInfo {
  const char* name;
  const char* key;    // the parameter's name, nullptr for none
  const char* alias;  // the name the simulator gives the same parameter, nullptr for none
  Param param;
  uint32_t fallback;  // when the parameter is omitted
  uint32_t min, max;
};

// Indexed by Fault.
const FaultInfo kFaults[kFaultCount] = {
    {"drop", "p", nullptr, Param::kProbability, 1000000, 0, 1000000},
    {"sensor_fail", "p", nullptr, Param::kProbability, 1000000, 0, 1000000},
    {"coalesce", "n", "count", Param::kCount, 3, 2, 16},
    {"corrupt", "p", nullptr, Param::kProbability, 1000000, 0, 1000000},
    {"oversize", "p", nullptr, Param::kProbability, 1000000, 0, 1000000},
    {"binary", "p", nullptr, Param::kProbability, 1000000, 0, 1000000},
    {"silence", nullptr, nullptr, Param::kNone, 1, 1, 1},
    {"reboot", "p", nullptr, Param::kProbability, 1000000, 0, 1000000},
    {"slow_connect", "ms", "delay", Param::kMillis, 3000, 1, 600000},
};

bool key_is(const char* word, size_t len, const char* key) {
  return key != nullptr && len == strlen(key) && strncmp(word, key, len) == 0;
}

const FaultInfo& info(Fault f) { return kFaults[static_cast<size_t>(f)]; }

}  // namespace

const char* fault_name(Fault f) { return info(f).name; }

bool find_fault(const char* name, Fault* out) {
  for (size_t i = 0; i < kFaultCount; i++) {
    if (equals(name, kFaults[i].name)) {
      *out = static_cast<Fault>(i);
      return true;
    }
  }
  return false;
}

void list_fault_names(Text& out) {
  for (size_t i = 0; i < kFaultCount; i++) {
    if (i > 0) out.add(", ");
    out.add(kFaults[i].name);
  }
}

bool parse_probability(const char* s, uint32_t* ppm) {
  uint32_t whole = 0, frac = 0;
  size_t i = 0, int_digits = 0, frac_digits = 0;
  for (; s[i] >= '0' && s[i] <= '9' && int_digits < 2; i++, int_digits++) whole = whole * 10 + (s[i] - '0');
  if (int_digits == 0) return false;
  if (s[i] == '.') {
    i++;
    for (; s[i] >= '0' && s[i] <= '9'; i++, frac_digits++) {
      if (frac_digits >= 6) return false;
      frac = frac * 10 + (s[i] - '0');
    }
    if (frac_digits == 0) return false;
  }
  if (s[i] != '\0') return false;
  for (size_t k = frac_digits; k < 6; k++) frac *= 10;
  uint32_t value = whole * 1000000 + frac;
  if (value > 1000000) return false;
  *ppm = value;
  return true;
}

void add_probability(Text& out, uint32_t ppm) {
  out.add_u32(ppm / 1000000);
  uint32_t frac = ppm % 1000000;
  if (frac == 0) return;
  out.add('.');
  for (uint32_t div = 100000; div > 0 && frac > 0; div /= 10) {
    out.add(static_cast<char>('0' + frac / div));
    frac %= div;
  }
}

bool Faults::set(Fault f, const char* const* params, size_t count, Text& why) {
  const FaultInfo& fi = info(f);
  uint32_t value = fi.fallback;
  for (size_t i = 0; i < count; i++) {
    const char* eq = strchr(params[i], '=');
    size_t key_len = eq != nullptr ? static_cast<size_t>(eq - params[i]) : strlen(params[i]);
    if (eq == nullptr || !(key_is(params[i], key_len, fi.key) || key_is(params[i], key_len, fi.alias))) {
      why.add(fi.name);
      if (fi.key == nullptr) {
        why.add(" takes no parameters, got '").add(params[i]).add("'");
      } else {
        why.add(" takes ").add(fi.key).add("=<value>, got '").add(params[i]).add("'");
      }
      return false;
    }
    const char* text = eq + 1;
    bool ok = fi.param == Param::kProbability ? parse_probability(text, &value) : parse_u32(text, &value);
    if (!ok || value < fi.min || value > fi.max) {
      why.add(fi.name).add(' ').add(fi.key).add(" must be ");
      if (fi.param == Param::kProbability) {
        why.add("a probability from 0 to 1 (at most 6 decimals)");
      } else {
        why.add("a whole number from ").add_u32(fi.min).add(" to ").add_u32(fi.max);
      }
      why.add(", got '").add(text).add("'");
      return false;
    }
  }
  values_[static_cast<size_t>(f)] = value;
  return true;
}

void Faults::clear_all() { memset(values_, 0, sizeof(values_)); }

bool Faults::fires(Fault f, Rng& rng) const {
  if (info(f).param != Param::kProbability) return active(f);
  return rng.chance(value(f));
}

void Faults::describe(Fault f, Text& out) const {
  const FaultInfo& fi = info(f);
  out.add(fi.name);
  if (fi.key == nullptr) return;
  out.add(' ').add(fi.key).add('=');
  if (fi.param == Param::kProbability) {
    add_probability(out, value(f));
  } else {
    out.add_u32(value(f));
  }
}

void Faults::describe_all(Text& out) const {
  bool any = false;
  for (size_t i = 0; i < kFaultCount; i++) {
    Fault f = static_cast<Fault>(i);
    if (!active(f)) continue;
    if (any) out.add(',');
    any = true;
    const FaultInfo& fi = kFaults[i];
    out.add(fi.name);
    if (fi.key != nullptr) {
      out.add(':').add(fi.key).add('=');
      if (fi.param == Param::kProbability) {
        add_probability(out, value(f));
      } else {
        out.add_u32(value(f));
      }
    }
  }
  if (!any) out.add("none");
}

}  // namespace hb
