#include "hb_fault_spec.h"

#include <string.h>

namespace hb {
namespace {

constexpr uint32_t kMaxNumber = 1000000000;  // FaultParam.MAX_NUMBER
constexpr uint32_t kOneDayMs = 86400000;

const char* const kStreamWords[] = {"upstream", "downstream"};
const char* const kLinkWords[] = {"orphan", "fin", "rst"};
const char* const kFlagWords[] = {"true", "false"};

constexpr FaultParamInfo number(const char* name, Unit unit, uint32_t fallback, uint32_t min, uint32_t max) {
  return {name, nullptr, 0, unit, false, fallback, min, max};
}
constexpr FaultParamInfo required(const char* name, Unit unit, uint32_t min, uint32_t max) {
  return {name, nullptr, 0, unit, true, 0, min, max};
}
constexpr FaultParamInfo words(const char* name, const char* const* w, uint8_t count, uint32_t fallback) {
  return {name, w, count, Unit::kBytes, false, fallback, 0, static_cast<uint32_t>(count - 1)};
}
constexpr FaultParamInfo kStream = words("stream", kStreamWords, 2, 0);

// The parameters of each fault, in FaultVocabulary's order and with its defaults and ranges.
const FaultParamInfo kCoalesce[] = {number("count", Unit::kReadings, 3, 2, 16)};
const FaultParamInfo kOversize[] = {number("size", Unit::kBytes, 300, 1, 65536)};
const FaultParamInfo kSilence[] = {number("duration", Unit::kMilliseconds, 10000, 1, kOneDayMs)};
const FaultParamInfo kReboot[] = {words("link", kLinkWords, 3, 0)};
const FaultParamInfo kSlowConnect[] = {number("delay", Unit::kMilliseconds, 3000, 0, kOneDayMs),
                                       number("jitter", Unit::kMilliseconds, 0, 0, kOneDayMs)};
const FaultParamInfo kLatency[] = {number("latency", Unit::kMilliseconds, 100, 0, kOneDayMs),
                                   number("jitter", Unit::kMilliseconds, 0, 0, kOneDayMs), kStream};
const FaultParamInfo kBandwidth[] = {required("rate", Unit::kKilobytesPerSecond, 1, kMaxNumber), kStream};
const FaultParamInfo kSlicer[] = {number("average_size", Unit::kBytes, 4, 1, 65536),
                                  number("size_variation", Unit::kBytes, 2, 0, 65536),
                                  number("delay", Unit::kMicroseconds, 1000, 0, kMaxNumber), kStream};
const FaultParamInfo kTimeout[] = {number("timeout", Unit::kMilliseconds, 0, 0, kOneDayMs), kStream};
const FaultParamInfo kResetPeer[] = {number("timeout", Unit::kMilliseconds, 5000, 0, kOneDayMs),
                                     words("mid_line", kFlagWords, 2, 1), kStream};
const FaultParamInfo kLimitData[] = {number("bytes", Unit::kBytes, 100, 0, kMaxNumber), kStream};

template <size_t N>
constexpr FaultInfo fault(const char* name, FaultKind kind, const FaultParamInfo (&params)[N]) {
  return {name, kind, params, static_cast<uint8_t>(N)};
}
constexpr FaultInfo fault(const char* name, FaultKind kind) { return {name, kind, nullptr, 0}; }

const FaultInfo kVocabulary[kFaultVocabularySize] = {
    fault("drop", FaultKind::kDevice),
    fault("sensor_fail", FaultKind::kDevice),
    fault("coalesce", FaultKind::kDevice, kCoalesce),
    fault("corrupt", FaultKind::kDevice),
    fault("oversize", FaultKind::kDevice, kOversize),
    fault("binary", FaultKind::kDevice),
    fault("silence", FaultKind::kDevice, kSilence),
    fault("reboot", FaultKind::kDevice, kReboot),
    fault("slow_connect", FaultKind::kDevice, kSlowConnect),
    fault("latency", FaultKind::kNetwork, kLatency),
    fault("bandwidth", FaultKind::kNetwork, kBandwidth),
    fault("slicer", FaultKind::kNetwork, kSlicer),
    fault("timeout", FaultKind::kNetwork, kTimeout),
    fault("reset_peer", FaultKind::kNetwork, kResetPeer),
    fault("limit_data", FaultKind::kNetwork, kLimitData),
    fault("down", FaultKind::kNetwork),
};

const char* const kForm = "NAME[=PROBABILITY][,KEY=VALUE...]";

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool span_is(const char* s, size_t n, const char* word) { return strlen(word) == n && strncmp(s, word, n) == 0; }

const char* find(const char* from, const char* end, char c) {
  for (const char* p = from; p < end; p++) {
    if (*p == c) return p;
  }
  return nullptr;
}

const char* unit_symbol(Unit u) {
  switch (u) {
    case Unit::kMilliseconds: return "ms";
    case Unit::kMicroseconds: return "us";
    case Unit::kBytes: return "bytes";
    case Unit::kReadings: return "readings";
    case Unit::kKilobytesPerSecond: return "KB/s";
  }
  return "";
}

// log10 of nanoseconds per unit for durations, -1 for other units.
int duration_exponent(Unit u) {
  if (u == Unit::kMilliseconds) return 6;
  if (u == Unit::kMicroseconds) return 3;
  return -1;
}

// The problem, the spec and the hint, as the Java parser words it.
struct Spec {
  const char* text;
  size_t len;
};

FaultError fail(FaultError e, Text& why, Spec text, const char* hint = nullptr) {
  why.add(" in '").add(text.text, text.len).add("'");
  if (hint != nullptr) why.add(" (").add(hint).add(")");
  return e;
}

// A number written in [s, s+n) for `param`: digits, then a duration suffix if the unit allows.
FaultError parse_number(const FaultParamInfo& param, const char* s, size_t n, uint32_t* out, Text& why,
                        Spec text) {
  size_t digits = 0;
  while (digits < n && is_digit(s[digits])) digits++;
  const char* suffix = s + digits;
  size_t suffix_len = n - digits;
  int unit_exp = duration_exponent(param.unit);
  int suffix_exp = unit_exp;
  if (span_is(suffix, suffix_len, "us")) {
    suffix_exp = 3;
  } else if (span_is(suffix, suffix_len, "ms")) {
    suffix_exp = 6;
  } else if (span_is(suffix, suffix_len, "s")) {
    suffix_exp = 9;
  } else if (suffix_len > 0) {
    suffix_exp = -2;  // not a suffix at all
  }
  if (digits == 0 || suffix_exp == -2 || (suffix_len > 0 && unit_exp < 0)) {
    why.add(param.name).add(" '").add(s, n).add("' is not a whole number");
    TextBuf<48> hint;
    if (unit_exp > 0) {
      hint.add("in ").add(unit_symbol(param.unit)).add(", or with a unit: us, ms, s");
    } else {
      hint.add("in ").add(unit_symbol(param.unit));
    }
    return fail(FaultError::kBadValue, why, text, hint.c_str());
  }
  // In the parameter's unit, exactly: a smaller suffix must leave whole units (its last digits
  // are zeros), a larger one appends zeros. Powers of ten, so the digits say it all.
  size_t keep = digits;
  size_t zeros = 0;
  if (suffix_len > 0 && suffix_exp < unit_exp) {
    size_t drop = static_cast<size_t>(unit_exp - suffix_exp);
    for (size_t i = digits > drop ? digits - drop : 0; i < digits; i++) {
      if (s[i] != '0') {
        why.add(param.name).add(" '").add(s, n).add("' is not a whole number of ").add(unit_symbol(param.unit));
        return fail(FaultError::kBadValue, why, text);
      }
    }
    keep = digits > drop ? digits - drop : 0;
  } else if (suffix_len > 0) {
    zeros = static_cast<size_t>(suffix_exp - unit_exp);
  }
  size_t first = 0;
  while (first < keep && s[first] == '0') first++;
  bool in_range = false;
  uint64_t value = 0;
  if (first == keep) {
    in_range = param.min == 0;  // zero, whatever the suffix
  } else if (keep - first + zeros <= 10) {
    for (size_t i = first; i < keep; i++) value = value * 10 + static_cast<uint64_t>(s[i] - '0');
    for (size_t i = 0; i < zeros; i++) value *= 10;
    in_range = value >= param.min && value <= param.max;
  }
  if (!in_range) {
    why.add(param.name).add(' ').add(s, n).add(" is out of range");
    TextBuf<48> hint;
    hint.add_u32(param.min).add("..").add_u32(param.max).add(' ').add(unit_symbol(param.unit));
    return fail(FaultError::kValueRange, why, text, hint.c_str());
  }
  *out = static_cast<uint32_t>(value);
  return FaultError::kNone;
}

FaultError parse_word(const FaultParamInfo& param, const char* s, size_t n, uint32_t* out, Text& why,
                      Spec text) {
  for (uint8_t i = 0; i < param.word_count; i++) {
    if (span_is(s, n, param.words[i])) {
      *out = i;
      return FaultError::kNone;
    }
  }
  why.add(param.name).add(" '").add(s, n).add("' is not ");
  if (param.words == kFlagWords) {
    why.add("true or false");
  } else {
    why.add("one of ");
    for (uint8_t i = 0; i < param.word_count; i++) why.add(i > 0 ? ", " : "").add(param.words[i]);
  }
  return fail(FaultError::kBadValue, why, text);
}

}  // namespace

const char* fault_error_code(FaultError e) {
  switch (e) {
    case FaultError::kNone: return "none";
    case FaultError::kEmpty: return "empty";
    case FaultError::kBadChar: return "bad_char";
    case FaultError::kUnknownFault: return "unknown_fault";
    case FaultError::kBadProbability: return "bad_probability";
    case FaultError::kProbabilityRange: return "probability_range";
    case FaultError::kBadParam: return "bad_param";
    case FaultError::kUnknownParam: return "unknown_param";
    case FaultError::kDuplicateParam: return "duplicate_param";
    case FaultError::kBadValue: return "bad_value";
    case FaultError::kValueRange: return "value_range";
    case FaultError::kMissingParam: return "missing_param";
    case FaultError::kNetworkFault: return "network_fault";
    case FaultError::kUnsupported: return "unsupported";
  }
  return "?";
}

const FaultInfo& fault_info(size_t i) { return kVocabulary[i]; }

bool find_fault_info(const char* name, size_t len, size_t* index) {
  for (size_t i = 0; i < kFaultVocabularySize; i++) {
    if (span_is(name, len, kVocabulary[i].name)) {
      *index = i;
      return true;
    }
  }
  return false;
}

void list_fault_names(FaultKind kind, Text& out) {
  bool first = true;
  for (const FaultInfo& f : kVocabulary) {
    if (f.kind != kind) continue;
    if (!first) out.add(", ");
    out.add(f.name);
    first = false;
  }
}

FaultError parse_probability(const char* s, size_t n, uint32_t* ppm) {
  size_t i = 0;
  uint32_t whole = 0;  // saturates: anything from 2 up is out of range anyway
  for (; i < n && is_digit(s[i]); i++) whole = whole >= 2 ? 2 : whole * 10 + static_cast<uint32_t>(s[i] - '0');
  if (i == 0) return FaultError::kBadProbability;
  uint32_t frac = 0;
  size_t frac_digits = 0;
  if (i < n && s[i] == '.') {
    for (i++; i < n && is_digit(s[i]); i++, frac_digits++) {
      if (frac_digits == 6) return FaultError::kBadProbability;
      frac = frac * 10 + static_cast<uint32_t>(s[i] - '0');
    }
    if (frac_digits == 0) return FaultError::kBadProbability;
  }
  if (i != n) return FaultError::kBadProbability;
  for (size_t k = frac_digits; k < 6; k++) frac *= 10;
  if (whole > 1 || (whole == 1 && frac > 0)) return FaultError::kProbabilityRange;
  *ppm = whole * 1000000 + frac;
  return FaultError::kNone;
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

FaultError parse_fault_spec(const char* text, FaultSpec* out, Text& why) {
  return parse_fault_spec(text, strlen(text), out, why);
}

FaultError parse_fault_spec(const char* chars, size_t n, FaultSpec* out, Text& why) {
  Spec text{chars, n};
  if (n == 0) {
    why.add("an empty fault spec");
    return fail(FaultError::kEmpty, why, text, "write NAME[=PROBABILITY][,KEY=VALUE...], e.g. drop=0.05");
  }
  for (size_t i = 0; i < n; i++) {
    uint8_t c = static_cast<uint8_t>(chars[i]);
    if (c <= ' ' || c > '~') {
      if (c == ' ') {
        why.add("a space");
      } else {
        const char* hex = "0123456789ABCDEF";  // as Java's %04X
        why.add("character U+00").add(hex[c >> 4]).add(hex[c & 0xF]);
      }
      why.add(" at column ").add_u32(static_cast<uint32_t>(i + 1));
      TextBuf<80> hint;
      hint.add("a spec is ").add(kForm).add(" in printable ASCII without spaces");
      return fail(FaultError::kBadChar, why, text, hint.c_str());
    }
  }
  const char* end = chars + n;
  const char* head_end = find(chars, end, ',');
  if (head_end == nullptr) head_end = end;
  const char* eq = find(chars, head_end, '=');
  const char* name_end = eq != nullptr ? eq : head_end;
  size_t index = 0;
  if (!find_fault_info(chars, static_cast<size_t>(name_end - chars), &index)) {
    why.add("unknown fault '").add(chars, static_cast<size_t>(name_end - chars)).add("'");
    TextBuf<200> hint;
    hint.add("known: ");
    list_fault_names(FaultKind::kDevice, hint);
    hint.add(", ");
    list_fault_names(FaultKind::kNetwork, hint);
    return fail(FaultError::kUnknownFault, why, text, hint.c_str());
  }
  const FaultInfo& info = kVocabulary[index];
  FaultSpec spec;
  spec.fault = static_cast<uint8_t>(index);
  spec.ppm = 1000000;
  if (eq != nullptr) {
    size_t len = static_cast<size_t>(head_end - eq - 1);
    FaultError e = parse_probability(eq + 1, len, &spec.ppm);
    if (e == FaultError::kBadProbability) {
      why.add("probability '").add(eq + 1, len).add("' is not a decimal from 0 to 1");
      return fail(e, why, text, "at most 6 decimals, no sign: e.g. 0.05");
    }
    if (e == FaultError::kProbabilityRange) {
      why.add("probability ").add(eq + 1, len).add(" is above 1");
      return fail(e, why, text);
    }
  }
  bool given[kMaxFaultParams] = {};
  for (const char* p = head_end; p < end;) {
    const char* start = p + 1;
    const char* stop = find(start, end, ',');
    if (stop == nullptr) stop = end;
    const char* key_end = find(start, stop, '=');
    if (key_end == nullptr || key_end == start) {
      if (start == stop) {
        why.add("an empty parameter (a stray comma)");
      } else {
        why.add("'").add(start, static_cast<size_t>(stop - start)).add("' is not KEY=VALUE");
      }
      return fail(FaultError::kBadParam, why, text);
    }
    size_t key_len = static_cast<size_t>(key_end - start);
    size_t k = 0;
    while (k < info.param_count && !span_is(start, key_len, info.params[k].name)) k++;
    if (k == info.param_count) {
      why.add("unknown parameter '").add(start, key_len).add("'");
      TextBuf<120> hint;
      if (span_is(start, key_len, "p") || span_is(start, key_len, "probability") || span_is(start, key_len, "toxicity")) {
        hint.add("the probability follows the name, e.g. ").add(info.name).add("=0.1; ");
      }
      hint.add(info.name).add(" takes ");
      if (info.param_count == 0) hint.add("none");
      for (size_t j = 0; j < info.param_count; j++) hint.add(j > 0 ? ", " : "").add(info.params[j].name);
      return fail(FaultError::kUnknownParam, why, text, hint.c_str());
    }
    if (given[k]) {
      why.add(info.params[k].name).add(" is given twice");
      return fail(FaultError::kDuplicateParam, why, text);
    }
    const FaultParamInfo& param = info.params[k];
    const char* value = key_end + 1;
    size_t value_len = static_cast<size_t>(stop - value);
    FaultError e = param.words != nullptr ? parse_word(param, value, value_len, &spec.values[k], why, text)
                                          : parse_number(param, value, value_len, &spec.values[k], why, text);
    if (e != FaultError::kNone) return e;
    given[k] = true;
    p = stop;
  }
  for (size_t k = 0; k < info.param_count; k++) {
    if (given[k]) continue;
    const FaultParamInfo& param = info.params[k];
    if (param.required) {
      why.add(info.name).add(" needs ").add(param.name);
      TextBuf<48> hint;
      hint.add("in ").add(unit_symbol(param.unit)).add(", from ").add_u32(param.min);
      return fail(FaultError::kMissingParam, why, text, hint.c_str());
    }
    spec.values[k] = param.fallback;
  }
  *out = spec;
  return FaultError::kNone;
}

void describe_fault_spec(const FaultSpec& spec, Text& out) {
  const FaultInfo& info = kVocabulary[spec.fault];
  out.add(info.name).add('=');
  add_probability(out, spec.ppm);
  for (size_t k = 0; k < info.param_count; k++) {
    const FaultParamInfo& param = info.params[k];
    out.add(',').add(param.name).add('=');
    if (param.words != nullptr) {
      out.add(param.words[spec.values[k]]);
    } else {
      out.add_u32(spec.values[k]);
    }
  }
}

}  // namespace hb
